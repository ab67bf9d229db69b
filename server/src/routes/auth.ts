import Type from 'typebox';
import { DisplayToken, DisplayTokenBody, LoginBody, LoginReply, SessionUser } from '@cw/shared/schemas/auth';
import { ErrorBody } from '@cw/shared/schemas/common';
import { verifyPassword } from '../auth/password.ts';
import { LOGIN_TTL_MS } from '../auth/sessions.ts';
import { SESSION_COOKIE, tokenFrom } from '../plugins/auth.ts';
import type { App } from './types.ts';

export default async function authRoutes(app: App, opts: { loginRateMax: number }) {
  app.post('/api/v1/auth/login', {
    schema: { body: LoginBody, response: { 200: LoginReply, 401: ErrorBody } },
    config: { rateLimit: { max: opts.loginRateMax, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const user = await app.store.users.get(req.body.username);
    const ok = user && !user.disabled && (await verifyPassword(req.body.password, user.passwordHash));
    if (!ok) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'wrong username or password' });
    const { token } = await app.sessions.issue(user.username, 'login');
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: LOGIN_TTL_MS / 1000 });
    const sessionUser = user.patrolId ? { username: user.username, role: user.role, patrolId: user.patrolId } : { username: user.username, role: user.role };
    return { token, user: sessionUser };
  });

  app.get('/api/v1/auth/me', { onRequest: app.authenticate, schema: { response: { 200: SessionUser } } }, async (req) => req.user!);

  app.post('/api/v1/auth/logout', { onRequest: app.authenticate }, async (req, reply) => {
    const token = tokenFrom(req.headers.authorization, req.cookies[SESSION_COOKIE]);
    if (token) await app.sessions.revoke(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  // Kiosk links for the wall: long-lived, revocable, read-only.
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  app.post('/api/v1/auth/display-tokens', { ...adminOnly, schema: { body: DisplayTokenBody, response: { 201: DisplayToken } } }, async (req, reply) => {
    if (!(await app.store.users.get(displayUser))) {
      // A read-only account no password opens ('!' is never a valid hash); only display tokens act as it.
      await app.store.users.upsert({ username: displayUser, role: 'wall', passwordHash: '!', patrolId: null, createdAt: Date.now(), disabled: false });
    }
    const { token, record } = await app.sessions.issue(displayUser, 'display', req.body.label);
    return reply.code(201).send({
      id: record.tokenHash.slice(0, 16), label: record.label, createdAt: record.createdAt, revokedAt: null,
      token, url: `/wall?display=${token}`,
    });
  });
  app.get('/api/v1/auth/display-tokens', { ...adminOnly, schema: { response: { 200: Type.Array(DisplayToken) } } }, async () =>
    (await app.store.sessions.listDisplays()).map((s) => ({ id: s.tokenHash.slice(0, 16), label: s.label, createdAt: s.createdAt, revokedAt: s.revokedAt })));
  app.delete('/api/v1/auth/display-tokens/:id', {
    ...adminOnly, schema: { params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$' }) }), response: { 200: Type.Object({ ok: Type.Boolean() }), 404: ErrorBody } },
  }, async (req, reply) => {
    const match = (await app.store.sessions.listDisplays()).find((s) => s.tokenHash.startsWith(req.params.id) && s.revokedAt === null);
    if (!match) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'no active display token with that id' });
    await app.sessions.revokeHash(match.tokenHash);
    return { ok: true };
  });
}

/** Display tokens act as this read-only account. */
export const displayUser = 'wall';
