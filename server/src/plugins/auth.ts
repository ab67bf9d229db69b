// Who is asking. Every API route except health and the device listener runs `authenticate`, and
// `requireRole` where the role matters — both as onRequest hooks, so a role that may not do a thing
// gets 401/403 before its body is even parsed or validated. A token comes as a bearer header or the
// session cookie.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Role, SessionUser } from '@cw/shared/schemas/auth';
import { SessionService } from '../auth/sessions.ts';
import { hashPassword } from '../auth/password.ts';

export const SESSION_COOKIE = 'cw_session';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionService;
    authenticate: onRequestAsyncHookHandler;
    requireRole: (...roles: Role[]) => onRequestAsyncHookHandler;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

export function tokenFrom(authorization: string | undefined, cookie: string | undefined): string | null {
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || null;
  return cookie || null;
}

export interface AuthPluginOptions {
  demo: boolean;
  demoPassword: string;
  adminPassword: string | null;
}

const DEMO_ACCOUNTS: readonly { username: string; role: Role }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'dispatcher', role: 'dispatcher' },
  { username: 'leader', role: 'leader' },
  { username: 'wall', role: 'wall' },
];

export default fp<AuthPluginOptions>(async (app, opts) => {
  const sessions = new SessionService(app.store);
  app.decorate('sessions', sessions);
  app.decorateRequest('user', null);

  const authenticate: onRequestAsyncHookHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = tokenFrom(req.headers.authorization, req.cookies[SESSION_COOKIE]);
    const user = token ? await sessions.resolve(token) : null;
    if (!user) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'log in first (bearer token or session cookie)' });
    req.user = user;
  };
  app.decorate('authenticate', authenticate);
  app.decorate('requireRole', (...roles: Role[]): onRequestAsyncHookHandler => async (req, reply) => {
    if (!req.user || !roles.includes(req.user.role)) {
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: `this needs one of the roles: ${roles.join(', ')}` });
    }
  });

  await seedAccounts(app.store, opts);
}, { name: 'auth', dependencies: ['store'] });

async function seedAccounts(store: import('../store/types.ts').Store, opts: AuthPluginOptions): Promise<void> {
  const now = Date.now();
  if (opts.demo) {
    for (const a of DEMO_ACCOUNTS) {
      const existing = await store.users.get(a.username);
      if (existing) continue;
      await store.users.upsert({ ...a, passwordHash: await hashPassword(opts.demoPassword), patrolId: null, createdAt: now, disabled: false });
    }
  } else if (opts.adminPassword && !(await store.users.get('admin'))) {
    await store.users.upsert({ username: 'admin', role: 'admin', passwordHash: await hashPassword(opts.adminPassword), patrolId: null, createdAt: now, disabled: false });
  }
}
