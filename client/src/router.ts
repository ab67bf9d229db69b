// Routes the client implements, and the sign-in guard. A page for another role (dispatch, review,
// patrol) is added here with its view and its entry in ROLE_HOME.
import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@cw/shared/schemas/auth';
import { useSessionStore } from './stores/session.ts';
import { HttpError } from './api/http.ts';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
  }
}

/** Where each role lands after signing in; every role sees the wall until its own page exists. */
const ROLE_HOME: Record<Role, string> = {
  wall: '/wall',
  dispatcher: '/wall',
  leader: '/wall',
  admin: '/wall',
  patrol: '/wall',
};

export function homeFor(role: Role): string {
  return ROLE_HOME[role];
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  { path: '/wall', name: 'wall', component: () => import('./views/WallView.vue') },
  { path: '/', redirect: '/wall' },
  { path: '/:unknown(.*)*', redirect: '/wall' },
];

/** Moves a kiosk's `?display=<token>` into the session and drops it from the address bar. */
function takeDisplayToken(to: RouteLocationNormalized) {
  const token = to.query.display;
  if (typeof token !== 'string' || token === '') return null;
  useSessionStore().acceptDisplayToken(token);
  const query = { ...to.query };
  delete query.display;
  return { path: to.path, query, hash: to.hash, replace: true };
}

export function installGuards(router: ReturnType<typeof createRouter>): void {
  router.beforeEach(async (to) => {
    const withoutToken = takeDisplayToken(to);
    if (withoutToken) return withoutToken;
    if (to.meta.public) return true;
    const session = useSessionStore();
    if (session.user) return true;
    try {
      if (await session.restore()) return true;
    } catch (err) {
      // The server is unreachable, not refusing: a wall with a token stays up and reconnects.
      if (!(err instanceof HttpError) && session.token) return true;
    }
    return { path: '/login', query: { redirect: to.fullPath } };
  });
}

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  installGuards(router);
  return router;
}
