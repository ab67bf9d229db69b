// Hostile input at every entry point (entry-points.ts): more than 10,000 malformed or malicious
// inputs, seeded so a failure replays exactly. Each must be refused with a clear 4xx (or, on a
// socket, an error ack; an oversized socket message is cut off), nothing may crash or answer 5xx,
// and the store must be exactly as it was. On PostgreSQL when it is available, since it is the store
// that chokes on NUL characters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import { buildTestApp, listen, type TestApp } from '../test/build-test-app.ts';
import { buildDeviceListener } from '../ingest/device-listener.ts';
import { postgresAvailable, TestSchemas } from '../store/postgres/test-schema.ts';
import { renderPlaceholderPng } from '../photos/placeholder-png.ts';
import { DEMO_OPEN311_KEY } from '../open311/open311-keys.ts';
import { SeededRandom } from './seeded-random.ts';
import { INJECTION } from './hostile-values.ts';
import { entryPoints, isRefusedAck, type FuzzContext, type Outcome } from './entry-points.ts';

const SEED = 20261127;
const PHOTO_MAX_BYTES = 16 * 1024;
const CONCURRENCY = 16;
const usePostgres = await postgresAvailable();

describe(`hostile input (${usePostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const schemas = new TestSchemas();
  let t: TestApp;
  let ctx: FuzzContext;
  const sockets = new Map<string, Socket>();

  beforeAll(async () => {
    const db: Record<string, string> = usePostgres ? { DATABASE_URL: (await schemas.create()).url } : {};
    t = await buildTestApp({ ...db, PHOTO_MAX_BYTES: String(PHOTO_MAX_BYTES), OPEN311_RATE_MAX: '100000', LOGIN_RATE_MAX: '100000' });
    const net = await listen(t.app);
    const tokens = { admin: await t.login('admin'), dispatcher: await t.login('dispatcher'), patrol: await t.login('patrol1') };
    const connect = (role: 'dispatcher' | 'patrol') => new Promise<Socket>((resolve, reject) => {
      const s = ioClient(net.url, { auth: { token: tokens[role] }, transports: ['websocket'], reconnection: false, forceNew: true });
      s.once('connect', () => { sockets.set(role, s); resolve(s); });
      s.once('connect_error', reject);
    });
    await Promise.all([connect('dispatcher'), connect('patrol')]);

    // What is stored before: cases in several states, one with a photo; patrols with positions.
    const dispatcher = { username: 'dispatcher', role: 'dispatcher' as const };
    const caseIds: string[] = [];
    for (let k = 0; k < 4; k++) {
      const { case: c } = await t.app.cases.create({ category: 'street_dirty', lon: 114.02 + k * 1e-3, lat: 32.98, description: `fixture ${k}` }, dispatcher, 'dispatcher');
      caseIds.push(c.id);
    }
    await t.app.cases.transition(caseIds[1]!, { action: 'register' }, dispatcher);
    await t.app.photos.save(renderPlaceholderPng(64, 48, [200, 80, 80]), { caseId: caseIds[2]!, stage: 'before', by: dispatcher });
    for (const id of ['fixture-a', 'fixture-b']) await t.app.ingest.accept({ deviceId: id, lon: 114.03, lat: 32.97, time: Date.now(), speed: 1, heading: 0, accuracy: null, altitude: null, battery: null });
    // Positions reach the store with the next history flush (once a second).
    for (const deadline = Date.now() + 5000; (await t.app.store.positions.latest()).length < 2;) {
      if (Date.now() > deadline) throw new Error('fixture positions were not flushed');
      await new Promise((r) => setTimeout(r, 100));
    }

    ctx = {
      app: t.app, devices: buildDeviceListener(t.app.ingest), tokens, caseIds,
      patrolIds: t.app.live.all().map((p) => p.id), open311Key: DEMO_OPEN311_KEY,
      socket: async (role) => sockets.get(role)!,
      reconnect: async (role) => { sockets.get(role)?.close(); await connect(role); },
    };
  });
  afterAll(async () => {
    for (const s of sockets.values()) s.close();
    await ctx?.devices.close();
    await t?.close();
    await schemas.dropAll();
  });

  /** Everything an input could damage: the store's rows and the live registry. */
  async function stored() {
    return {
      cases: (await t.app.cases.list({ limit: 5000 })).cases,
      events: await t.app.cases.eventsAfter(0, 100_000),
      patrols: await t.app.store.patrols.list(),
      positions: await t.app.store.positions.latest(),
      live: t.app.live.list(0).map((p) => ({ id: p.id, position: p.position, busy: p.busy })),
      users: await t.app.store.users.list(),
      displayTokens: await t.app.store.sessions.listDisplays(),
      categories: t.app.caseRules.categories(),
      calendar: t.app.caseRules.calendarBody,
      layers: await t.app.store.layers.active(),
      layerVersions: { ...t.app.geo.versions },
    };
  }

  it('refuses more than 10,000 malformed inputs with a 4xx each and leaves the store as it was', async () => {
    const before = await stored();
    const rng = new SeededRandom(SEED);
    const tally = new Map<string, Map<string, number>>();
    const wrong: string[] = [];
    const started = performance.now();
    const points = entryPoints(PHOTO_MAX_BYTES);

    for (const ep of points) {
      const counts = new Map<string, number>();
      tally.set(ep.name, counts);
      const record = (o: Outcome) => {
        counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
        const refused = /^4\d\d$/.test(o.status) || (o.status.startsWith('ack:') && isRefusedAck(o.status.slice(4)))
          || (o.status === 'disconnected' && ep.name === 'socket oversized message');
        if (!refused) wrong.push(`${ep.name} [${o.how}] → ${o.status}`);
      };
      // Sockets take one message at a time per connection, so those run one by one.
      const batch = ep.name.startsWith('socket') ? 1 : CONCURRENCY;
      for (let sent = 0; sent < ep.count; sent += batch) {
        const n = Math.min(batch, ep.count - sent);
        (await Promise.all(Array.from({ length: n }, () => ep.send(rng, ctx)))).forEach(record);
      }
    }
    const seconds = (performance.now() - started) / 1000;

    const total = [...tally.values()].reduce((sum, c) => sum + [...c.values()].reduce((a, b) => a + b, 0), 0);
    console.log(`${total} hostile inputs in ${seconds.toFixed(1)} s (seed ${SEED}):\n${[...tally].map(([name, c]) =>
      `  ${name}: ${[...c.values()].reduce((a, b) => a + b, 0)} → ${[...c].sort().map(([s, n]) => `${s}×${n}`).join(', ')}`).join('\n')}`);
    expect([...new Set(wrong)]).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(seconds).toBeLessThan(60);

    // Still serving, and nothing stored was touched.
    expect((await t.app.inject({ url: '/api/ready' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/cases', headers: { authorization: `Bearer ${ctx.tokens.dispatcher}` } })).statusCode).toBe(200);
    expect(await stored()).toEqual(before);
  }, 90_000);

  it('stores injection strings in free text verbatim and searches for them as plain text', async () => {
    const auth = { authorization: `Bearer ${ctx.tokens.dispatcher}` };
    const description = INJECTION.join(' | ');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth, payload: { category: 'street_dirty', lon: 114.02, lat: 32.98, description, address: INJECTION[1] } });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const back = await t.app.inject({ url: `/api/v1/cases/${id}`, headers: auth });
    expect(back.json()).toMatchObject({ description, address: INJECTION[1] });
    const found = await t.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent("' OR '1'='1")}`, headers: auth });
    expect(found.statusCode).toBe(200);
    expect((found.json() as { cases: { id: string }[] }).cases.map((c) => c.id)).toEqual([id]);
  });
});
