import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { homeFor, installGuards, routes } from '../router.ts';

const Stub = { render: () => null };

function makeRouter() {
  // The app's own route table with its pages stubbed out.
  const table = routes.map((r) => ('component' in r && r.component ? { ...r, component: Stub } : r));
  const router = createRouter({ history: createMemoryHistory(), routes: table });
  installGuards(router);
  return router;
}

const signedInAs = (role: string) =>
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ username: role, role }))));

describe('/review route', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    sessionStorage.clear();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is where leaders land, and admins may open it and its report', async () => {
    expect(homeFor('leader')).toBe('/review');
    signedInAs('admin');
    const router = makeRouter();
    await router.push('/review');
    expect(router.currentRoute.value.path).toBe('/review');
    await router.push('/review/report?from=1&to=2');
    expect(router.currentRoute.value.path).toBe('/review/report');
  });

  it('sends other roles to their own page', async () => {
    signedInAs('dispatcher');
    const router = makeRouter();
    await router.push('/review');
    expect(router.currentRoute.value.path).toBe('/dispatch');
  });
});
