// Every route × every role: a role that may not do a thing gets 403 whatever it sends (the check
// runs before the body is parsed), anonymous callers get 401, and allowed roles get past both.
// The table must name every route the app registers, so a new route cannot skip this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '@cw/shared/schemas/auth';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';
import app from '../app.ts';
import { loadConfig } from '../config.ts';

type Access = 'public' | 'any' | readonly Role[];
const READERS: readonly Role[] = ['wall', 'dispatcher', 'leader', 'admin'];
const WRITERS: readonly Role[] = ['dispatcher', 'admin', 'patrol'];
const LEADERS: readonly Role[] = ['leader', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const CASE = 'AJ20261127-00001';

/** [method, route as registered, a concrete URL, who may call it] */
const TABLE: readonly [string, string, string, Access][] = [
  ['GET', '/api/health', '/api/health', 'public'],
  ['GET', '/api/ready', '/api/ready', 'public'],
  ['GET', '/metrics', '/metrics', 'public'],
  ['GET', '/api/docs', '/api/docs', 'public'],
  ['GET', '/api/docs/static/*', '/api/docs/static/swagger-ui.css', 'public'],
  ['GET', '/api/docs/json', '/api/docs/json', 'public'],
  ['GET', '/api/docs/yaml', '/api/docs/yaml', 'public'],
  ['GET', '/api/docs/static/index.html', '/api/docs/static/index.html', 'public'],
  ['GET', '/api/docs/static/swagger-initializer.js', '/api/docs/static/swagger-initializer.js', 'public'],
  ['POST', '/api/v1/auth/login', '/api/v1/auth/login', 'public'],
  ['GET', '/api/v1/auth/me', '/api/v1/auth/me', 'any'],
  ['POST', '/api/v1/auth/logout', '/api/v1/auth/logout', 'any'],
  ['POST', '/api/v1/auth/display-tokens', '/api/v1/auth/display-tokens', ADMIN],
  ['GET', '/api/v1/auth/display-tokens', '/api/v1/auth/display-tokens', ADMIN],
  ['DELETE', '/api/v1/auth/display-tokens/:id', '/api/v1/auth/display-tokens/0123456789abcdef', ADMIN],
  ['GET', '/api/v1/config', '/api/v1/config', 'any'],
  ['GET', '/api/v1/layers/:name', '/api/v1/layers/districts', 'any'],
  ['GET', '/api/v1/tiles/grid/:z/:x/:y.pbf', '/api/v1/tiles/grid/14/13378/6631.pbf', 'any'],
  ['GET', '/api/v1/taxonomy', '/api/v1/taxonomy', 'any'],
  ['GET', '/api/v1/patrols', '/api/v1/patrols', READERS],
  ['GET', '/api/v1/patrols/directory', '/api/v1/patrols/directory', READERS],
  ['GET', '/api/v1/patrols/:id/track', '/api/v1/patrols/P-DEMO-1/track?from=0&to=1', ['dispatcher', 'leader', 'admin']],
  ['POST', '/api/v1/positions/batch', '/api/v1/positions/batch', ADMIN],
  ['GET', '/api/v1/cases', '/api/v1/cases', READERS],
  ['GET', '/api/v1/cases/stats', '/api/v1/cases/stats', READERS],
  ['GET', '/api/v1/cases/assigned', '/api/v1/cases/assigned', ['patrol']],
  ['GET', '/api/v1/cases/:id', `/api/v1/cases/${CASE}`, 'any'],
  ['GET', '/api/v1/cases/:id/events', `/api/v1/cases/${CASE}/events`, READERS],
  ['POST', '/api/v1/cases', '/api/v1/cases', WRITERS],
  ['POST', '/api/v1/cases/:id/transitions', `/api/v1/cases/${CASE}/transitions`, WRITERS],
  ['POST', '/api/v1/cases/:id/comments', `/api/v1/cases/${CASE}/comments`, WRITERS],
  ['GET', '/api/v1/cases/:id/recommendations', `/api/v1/cases/${CASE}/recommendations`, ['dispatcher', 'admin']],
  ['POST', '/api/v1/cases/:id/photos', `/api/v1/cases/${CASE}/photos?stage=before`, WRITERS],
  ['GET', '/api/v1/photos/:photoId', '/api/v1/photos/ph_missing', 'any'],
  ['GET', '/api/v1/photos/:photoId/thumb', '/api/v1/photos/ph_missing/thumb', 'any'],
  ['GET', '/api/v1/admin/open311-keys', '/api/v1/admin/open311-keys', ADMIN],
  ['POST', '/api/v1/admin/open311-keys', '/api/v1/admin/open311-keys', ADMIN],
  ['DELETE', '/api/v1/admin/open311-keys/:id', '/api/v1/admin/open311-keys/x', ADMIN],
  ['GET', '/api/v1/admin/users', '/api/v1/admin/users', ADMIN],
  ['PUT', '/api/v1/admin/users', '/api/v1/admin/users', ADMIN],
  ['PUT', '/api/v1/admin/taxonomy', '/api/v1/admin/taxonomy', ADMIN],
  ['GET', '/api/v1/admin/calendar', '/api/v1/admin/calendar', ADMIN],
  ['PUT', '/api/v1/admin/calendar', '/api/v1/admin/calendar', ADMIN],
  ...['meta', 'choropleth', 'heat', 'compare', 'series', 'rankings', 'rankings.csv', 'areas.csv', 'assessment', 'assessment.csv',
    'assessment/taxonomy', 'sites', 'sites.csv', 'coverage', 'coverage.csv', 'coverage/stale', 'patrols/quiet', 'duty', 'duty.csv',
    'duty/shifts', 'replay', 'report'].map((p) => ['GET', `/api/v1/review/${p}`, `/api/v1/review/${p}`, LEADERS] as [string, string, string, Access]),
  ['PUT', '/api/v1/review/assessment/taxonomy', '/api/v1/review/assessment/taxonomy', ADMIN],
  ['PUT', '/api/v1/review/duty/shifts', '/api/v1/review/duty/shifts', ADMIN],
  ['GET', '/api/v1/layer-versions', '/api/v1/layer-versions', 'any'],
  ['POST', '/api/v1/imports', '/api/v1/imports?layer=communities&format=geojson', ADMIN],
  ['GET', '/api/v1/imports', '/api/v1/imports', ADMIN],
  ['GET', '/api/v1/imports/:id', '/api/v1/imports/00000000-0000-0000-0000-000000000000', ADMIN],
  ['POST', '/api/v1/imports/:id/apply', '/api/v1/imports/00000000-0000-0000-0000-000000000000/apply', ADMIN],
  ['DELETE', '/api/v1/imports/:id', '/api/v1/imports/00000000-0000-0000-0000-000000000000', ADMIN],
  ['GET', '/api/v1/layers/:name/versions', '/api/v1/layers/communities/versions', ADMIN],
  ['POST', '/api/v1/layers/:name/undo', '/api/v1/layers/communities/undo', ADMIN],
  ['GET', '/api/v1/export/layers/:name.geojson', '/api/v1/export/layers/streets.geojson', READERS],
  ['GET', '/api/v1/export/layers/:name.csv', '/api/v1/export/layers/streets.csv', READERS],
  ['GET', '/api/v1/export/cases.csv', '/api/v1/export/cases.csv', LEADERS],
  ['GET', '/api/v1/export/cases.geojson', '/api/v1/export/cases.geojson', LEADERS],
  // Open311 is public by the spec; its POST is guarded by api_key, tested in open311.test.ts.
  ...['discovery', 'services', 'services/:service_code', 'requests', 'requests/:service_request_id', 'tokens/:token'].flatMap((p) =>
    ['json', 'xml'].map((f) => ['GET', `/open311/v2/${p}.${f}`, `/open311/v2/${p.replace(/:[a-z_]+/, 'street_dirty')}.${f}`, 'public'] as [string, string, string, Access])),
  ['POST', '/open311/v2/requests.json', '/open311/v2/requests.json', 'public'],
  ['POST', '/open311/v2/requests.xml', '/open311/v2/requests.xml', 'public'],
];

const ROLES: readonly [Role, string][] = [['wall', 'wall'], ['dispatcher', 'dispatcher'], ['leader', 'leader'], ['admin', 'admin'], ['patrol', 'patrol1']];

describe('authorization: every route × every role', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    t = await buildTestApp();
    for (const [role, user] of ROLES) tokens.set(role, await t.login(user));
  });
  afterAll(async () => t.close());

  it('covers every route the app registers', async () => {
    const f = Fastify({ logger: false });
    const registered: string[] = [];
    f.addHook('onRoute', (r) => {
      for (const m of [r.method].flat()) if (m !== 'HEAD') registered.push(`${m} ${r.url}`);
    });
    await f.register(fp(app), { config: loadConfig({ DEMO: '1', DATA_DIR: t.dataDir, SIMULATE: '0', CLIENT_DIST: '', LOG_LEVEL: 'silent' }) });
    await f.ready();
    await f.close();
    expect(registered.sort()).toEqual(TABLE.map(([m, r]) => `${m} ${r}`).sort());
  });

  const protectedRoutes = TABLE.filter(([, , , access]) => access !== 'public');
  it.each(protectedRoutes.map(([m, , url, access]) => [m, url, access] as const))('%s %s', async (method, url, access) => {
    const anonymous = await t.app.inject({ method: method as 'GET', url, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
    expect(anonymous.statusCode, 'anonymous').toBe(401);
    for (const [role] of ROLES) {
      // Logging out ends the session; it gets a token of its own.
      const token = url.endsWith('/logout') ? await t.login(ROLES.find(([r]) => r === role)![1]) : tokens.get(role)!;
      const res = await t.app.inject({
        method: method as 'GET', url, headers: { authorization: `Bearer ${token}` },
        payload: method === 'GET' || method === 'DELETE' ? undefined : { garbage: true },
      });
      const allowed = access === 'any' || (access as readonly Role[]).includes(role);
      if (allowed) expect([401, 403], `${role} may ${method} ${url} (got ${res.statusCode} ${res.body.slice(0, 120)})`).not.toContain(res.statusCode);
      else expect(res.statusCode, `${role} may not ${method} ${url}`).toBe(403);
    }
  });
});
