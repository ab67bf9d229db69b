import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { homeFor, installGuards } from './router.ts';
import { useSessionStore } from './stores/session.ts';

const Stub = { render: () => null };

function makeRouter() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: Stub, meta: { public: true } },
      { path: '/wall', component: Stub },
      { path: '/dispatch', component: Stub, meta: { roles: ['dispatcher', 'admin'] } },
      { path: '/patrol', component: Stub, meta: { roles: ['patrol'] } },
    ],
  });
  installGuards(router);
  return router;
}

describe('router guards', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    sessionStorage.clear();
  });

  it('keeps a kiosk display token, drops it from the URL, and signs in with it', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ username: 'hall-wall', role: 'wall' })));
    vi.stubGlobal('fetch', fetchMock);
    const router = makeRouter();
    await router.push('/wall?display=tok-123&idle=2');
    expect(router.currentRoute.value.fullPath).toBe('/wall?idle=2');
    expect(sessionStorage.getItem('cw.token')).toBe('tok-123');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-123');
    expect(useSessionStore().user?.role).toBe('wall');
    vi.unstubAllGlobals();
  });

  it('sends a visitor without a session to the login page', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 401 })));
    const router = makeRouter();
    await router.push('/wall');
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/wall');
    vi.unstubAllGlobals();
  });

  it('keeps a wall with a token up when the server is unreachable', async () => {
    sessionStorage.setItem('cw.token', 'tok');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('network down'))));
    const router = makeRouter();
    await router.push('/wall');
    expect(router.currentRoute.value.path).toBe('/wall');
    vi.unstubAllGlobals();
  });

  it('sends a role to its own page when it opens another role\'s page', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ username: 'patrol1', role: 'patrol', patrolId: 'P-DEMO-1' }))));
    const router = makeRouter();
    await router.push('/dispatch');
    expect(router.currentRoute.value.path).toBe('/patrol');
    vi.unstubAllGlobals();
  });

  it('lets a dispatcher into the dispatch desk', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ username: 'dispatcher', role: 'dispatcher' }))));
    const router = makeRouter();
    await router.push('/dispatch');
    expect(router.currentRoute.value.path).toBe('/dispatch');
    expect(homeFor('dispatcher')).toBe('/dispatch');
    expect(homeFor('patrol')).toBe('/patrol');
    vi.unstubAllGlobals();
  });
});
