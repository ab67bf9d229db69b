import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';

describe('REST API', () => {
  let t: TestApp;
  let dispatcher: string;
  let wall: string;
  beforeAll(async () => {
    t = await buildTestApp();
    dispatcher = await t.login('dispatcher');
    wall = await t.login('wall');
  });
  afterAll(async () => t.close());
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('serves health without login', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', store: 'up', redis: 'off' });
  });

  it('logs in with a bearer token and an httpOnly cookie, both accepted', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'zmd-demo' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({ username: 'leader', role: 'leader' });
    const cookie = res.cookies.find((c) => c.name === 'cw_session');
    expect(cookie?.httpOnly).toBe(true);
    const viaCookie = await t.app.inject({ url: '/api/v1/auth/me', cookies: { cw_session: cookie!.value } });
    expect(viaCookie.json()).toEqual({ username: 'leader', role: 'leader' });
    const viaBearer = await t.app.inject({ url: '/api/v1/auth/me', headers: auth(body.token) });
    expect(viaBearer.statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth(body.token) });
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: auth(body.token) })).statusCode).toBe(401);
  });

  it('refuses wrong passwords and malformed logins with 4xx', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'nope' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1},"username":"a","password":"b"}' })).statusCode).toBe(400);
  });

  it('keeps data behind login', async () => {
    for (const url of ['/api/v1/patrols', '/api/v1/cases', '/api/v1/layers/districts', '/api/v1/config', '/api/v1/tiles/grid/14/13378/6631.pbf']) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(401);
    }
    expect((await t.app.inject({ url: '/api/v1/patrols', headers: { authorization: 'Bearer forged' } })).statusCode).toBe(401);
  });

  it('serves every layer as GeoJSON with an ETag', async () => {
    for (const name of ['districts', 'streets', 'communities', 'grid', 'corridors', 'corridor-zones', 'inspection-points', 'road-sections']) {
      const res = await t.app.inject({ url: `/api/v1/layers/${name}`, headers: auth(wall) });
      expect(res.statusCode, name).toBe(200);
      expect(res.json().type).toBe('FeatureCollection');
      const again = await t.app.inject({ url: `/api/v1/layers/${name}`, headers: { ...auth(wall), 'if-none-match': res.headers.etag as string } });
      expect(again.statusCode).toBe(304);
    }
    const districts = (await t.app.inject({ url: '/api/v1/layers/districts', headers: auth(wall) })).json();
    expect(districts.features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual(['411702', '411771']);
    expect((await t.app.inject({ url: '/api/v1/layers/secrets', headers: auth(wall) })).statusCode).toBe(400);
  });

  it('serves the unit grid as vector tiles in the city centre and empty ones elsewhere', async () => {
    // Tile containing 114.02E 32.98N at z14.
    const z = 14;
    const x = Math.floor(((114.02 + 180) / 360) * 2 ** z);
    const latRad = (32.98 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * 2 ** z);
    const res = await t.app.inject({ url: `/api/v1/tiles/grid/${z}/${x}/${y}.pbf`, headers: auth(wall) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/vnd.mapbox-vector-tile');
    expect(res.rawPayload.length).toBeGreaterThan(1000);
    const far = await t.app.inject({ url: `/api/v1/tiles/grid/${z}/0/0.pbf`, headers: auth(wall) });
    expect(far.rawPayload.length).toBe(0);
    expect((await t.app.inject({ url: `/api/v1/tiles/grid/3/9/1.pbf`, headers: auth(wall) })).statusCode).toBe(400);
  });

  it('creates a case located on the grid and lists it with filters', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/cases', headers: auth(dispatcher),
      payload: { category: 'road_vending', lon: 114.02, lat: 32.98, description: '<b>占道</b> 经营' },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.code).toMatch(/^AJ\d{8}-\d{5}$/);
    expect(c).toMatchObject({ state: 'reported', category: 'road_vending', item: 'A09', unit: 'cgj', source: 'dispatcher', district: '411702', description: '<b>占道</b> 经营' });
    expect(c.cell).toMatch(/^411702\d{10}$/);
    expect(c.cell.slice(0, 12)).toBe(c.community);
    expect(c.deadlineAt).toBeGreaterThan(c.createdAt);
    const list = (await t.app.inject({ url: `/api/v1/cases?state=reported&street=${c.street}`, headers: auth(wall) })).json();
    expect(list.cases.map((x: { id: string }) => x.id)).toContain(c.id);
    expect(list.lastSeq).toBeGreaterThan(0);
    const none = (await t.app.inject({ url: '/api/v1/cases?state=closed', headers: auth(wall) })).json();
    expect(none.cases.find((x: { id: string }) => x.id === c.id)).toBeUndefined();
    const stats = (await t.app.inject({ url: '/api/v1/cases/stats', headers: auth(wall) })).json();
    expect(stats.open).toBeGreaterThanOrEqual(1);
    expect(stats.byDistrict['411702'].open).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad case input with 400 and the wall role with 403', async () => {
    const bad = [
      { category: 'nope', lon: 114.02, lat: 32.98 },
      { category: 'road_vending', lon: 'x', lat: 32.98 },
      { category: 'road_vending', lon: 200, lat: 32.98 },
      { category: 'road_vending', lon: -74, lat: 40.7 },
      { category: 'road_vending', lon: 114.02, lat: 32.98, extra: 1 },
    ];
    for (const payload of bad) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth(dispatcher), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toBeTruthy();
    }
    const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth(wall), payload: { category: 'road_vending', lon: 114.02, lat: 32.98 } });
    expect(forbidden.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/cases?limit=999999', headers: auth(wall) })).statusCode).toBe(400);
    expect((await t.app.inject({ url: "/api/v1/cases?q=' OR 1=1 --", headers: auth(wall) })).statusCode).toBe(200);
  });

  it('applies the same create once when a client retries with the same clientRef', async () => {
    const payload = { category: 'street_dirty', lon: 114.03, lat: 32.97, clientRef: 'offline-0001-abcd' };
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth(dispatcher), payload });
    const b = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth(dispatcher), payload });
    expect(a.json().id).toBe(b.json().id);
  });

  it("lists a patrol's own open tasks, and only to patrol accounts", async () => {
    const create = (lon: number) => t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth(dispatcher), payload: { category: 'street_dirty', lon, lat: 32.98 } });
    const mine = (await create(114.021)).json();
    const other = (await create(114.023)).json();
    for (const [c, patrolId] of [[mine, 'P-DEMO-1'], [other, 'P-DEMO-2']] as const) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/transitions`, headers: auth(dispatcher), payload: { action: 'dispatch', patrolId, unit: 'ycq' } });
      expect(res.statusCode).toBe(200);
    }
    const patrol1 = await t.login('patrol1');
    const res = await t.app.inject({ url: '/api/v1/cases/assigned', headers: auth(patrol1) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.cases.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect(body.lastSeq).toBeGreaterThan(0);
    expect((await t.app.inject({ url: '/api/v1/cases/assigned', headers: auth(dispatcher) })).statusCode).toBe(403);
  });

  it('ingests a gateway batch and reports each bad position by index', async () => {
    const admin = await t.login('admin');
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/positions/batch', headers: auth(admin),
      payload: { positions: [{ deviceId: 'gw-1', lon: 114.0, lat: 32.95 }, { deviceId: 'gw-2', lon: 10, lat: 10 }, { deviceId: 'gw-3', lon: 114.01, lat: 32.96, time: Date.now() - 1000 }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 2, rejected: [{ index: 1, reason: expect.stringContaining('far outside') }] });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/positions/batch', headers: auth(dispatcher), payload: { positions: [] } })).statusCode).toBe(403);
  });

  it('issues and revokes kiosk display tokens', async () => {
    const admin = await t.login('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/display-tokens', headers: auth(admin), payload: { label: '指挥中心大屏' } });
    expect(res.statusCode).toBe(201);
    const { token, id, url } = res.json();
    expect(url).toBe(`/wall?display=${token}`);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: auth(token) })).json().role).toBe('wall');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/display-tokens/${id}`, headers: auth(admin) })).statusCode).toBe(200);
    // Revocation takes effect at once on this node (the session cache is invalidated).
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: auth(token) })).statusCode).toBe(401);
  });
});
