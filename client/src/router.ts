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
    /** Only these roles; anyone else is sent to their own page. */
    roles?: readonly Role[];
  }
}

/** Where each role lands after signing in; a role without its own page yet sees the wall. */
const ROLE_HOME: Record<Role, string> = {
  wall: '/wall',
  dispatcher: '/dispatch',
  leader: '/review',
  admin: '/dispatch',
  patrol: '/patrol',
};

export function homeFor(role: Role): string {
  return ROLE_HOME[role];
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  { path: '/wall', name: 'wall', component: () => import('./views/WallView.vue'), meta: { roles: ['wall', 'dispatcher', 'leader', 'admin'] } },
  { path: '/dispatch', name: 'dispatch', component: () => import('./views/DispatchView.vue'), meta: { roles: ['dispatcher', 'admin'] } },
  { path: '/patrol', name: 'patrol', component: () => import('./views/PatrolView.vue'), meta: { roles: ['patrol'] } },
  { path: '/review', name: 'review', component: () => import('./views/ReviewView.vue'), meta: { roles: ['leader', 'admin'] } },
  { path: '/admin', name: 'admin', component: () => import('./views/AdminView.vue'), meta: { roles: ['admin'] } },
  { path: '/review/report', name: 'review-report', component: () => import('./views/ReviewReportView.vue'), meta: { roles: ['leader', 'admin'] } },
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
    if (!session.user) {
      try {
        await session.restore();
      } catch (err) {
        // The server is unreachable, not refusing: a wall (or a patrol phone) with a token stays
        // up and reconnects.
        if (!(err instanceof HttpError) && session.token) return true;
      }
    }
    const user = session.user;
    if (!user) return { path: '/login', query: { redirect: to.fullPath } };
    const roles = to.meta.roles;
    if (roles && !roles.includes(user.role)) return { path: homeFor(user.role), replace: true };
    return true;
  });
}

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  installGuards(router);
  return router;
}
