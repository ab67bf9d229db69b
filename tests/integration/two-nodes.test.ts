// Two server processes sharing PostgreSQL and joined through Redis, as behind a load balancer:
// displays on either node see every position and every case event exactly once, case seqs stay
// gap-free across nodes, and when one node is SIGKILLed its displays reconnect to the other and
// get exactly the case events they missed and a fresh snapshot within a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { postgresAvailable, TestSchemas } from '@cw/server/store/postgres/test-schema';
import type { CaseEvent } from '@cw/shared/schemas/cases';
import { login, startServer, type ServerProcess } from '../support/server-process.ts';
import { deleteRedisKeys, redisAvailable, TEST_REDIS_URL } from '../support/redis.ts';
import { connectDisplay, type Display } from '../support/display.ts';
import { createCase, reportFix } from '../support/field.ts';

const available = (await postgresAvailable()) && (await redisAvailable());

const twoNodeCase = (node: ServerProcess, token: string, k: number) => createCase(node, token, k, `two-node case ${k}`);

/** A real 16×16 JPEG (sharp decodes it for the thumbnail). */
const PHOTO_JPEG_BASE64 =
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAQABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAH/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCAD0C//9k=';

const seqs = (events: readonly CaseEvent[]) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe.skipIf(!available)('two nodes behind a load balancer', () => {
  const schemas = new TestSchemas();
  const prefix = `cw-test-${randomBytes(6).toString('hex')}`;
  let a: ServerProcess;
  let b: ServerProcess;
  let token: string;
  let onA: Display;
  let onB: Display;

  beforeAll(async () => {
    const { url } = await schemas.create();
    const env = { DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, TICK_MS: '200', CLIENT_DIST: '' };
    // Started together on an empty schema: migrations and the demo seed race, as on a real first deploy.
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    // Sessions live in the shared store: a token from one node works on the other.
    token = await login(a.url, 'dispatcher');
    const wall = await login(b.url, 'wall');
    [onA, onB] = await Promise.all([connectDisplay(a.url, wall), connectDisplay(b.url, wall)]);
    await Promise.all([onA.subscribe(), onB.subscribe()]);
  });
  afterAll(async () => {
    onA?.close();
    onB?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await schemas.dropAll();
    await deleteRedisKeys(prefix);
  });

  it('shows positions reported to either node on the displays of both, and in new snapshots', async () => {
    const sent = new Map<string, { lon: number; lat: number }>();
    for (let k = 0; k < 6; k++) {
      const node = k % 3 === 2 ? b : a;
      const fix = { lon: 114.01 + k * 0.003, lat: 32.97 + k * 0.002 };
      await reportFix(node, `two-node-${k}`, fix.lon, fix.lat);
      sent.set(`two-node-${k}`, fix);
    }
    // Every display learns each new patrol's index once, from whichever node registered it.
    for (const d of [onA, onB]) {
      await expect.poll(() => d.registered.filter((p) => sent.has(p.deviceId)).length, { timeout: 5000 }).toBe(sent.size);
    }
    const indexOf = new Map(onB.registered.map((p) => [p.deviceId, p.index]));
    expect(new Map(onA.registered.map((p) => [p.deviceId, p.index]))).toEqual(indexOf);
    for (const d of [onA, onB]) {
      for (const [device, fix] of sent) {
        await expect.poll(() => d.positions.get(indexOf.get(device)!), { timeout: 5000 }).toEqual({
          lon: expect.closeTo(fix.lon, 5), lat: expect.closeTo(fix.lat, 5),
        });
      }
    }
    // A display that arrives later gets every patrol from either node in its first snapshot.
    for (const node of [a, b]) {
      const late = await connectDisplay(node.url, token);
      const snap = await late.subscribe();
      for (const [device, fix] of sent) {
        expect(snap.patrols.find((p) => p.deviceId === device)?.position).toMatchObject({ lon: fix.lon, lat: fix.lat });
      }
      late.close();
    }
  });

  it('numbers cases written on both nodes without gaps and delivers each event once to every display', async () => {
    const tokenB = await login(b.url, 'dispatcher');
    await Promise.all(range(0, 11).map((k) => twoNodeCase(k % 2 ? b : a, k % 2 ? tokenB : token, k)));
    for (const d of [onA, onB]) {
      await expect.poll(() => d.events.length, { timeout: 5000 }).toBe(12);
      // Each node publishes its own events: no event twice, none missing, whatever the order.
      expect([...seqs(d.events)].sort((x, y) => x - y)).toEqual(range(1, 12));
    }
    const list = await fetch(`${b.url}/api/v1/cases?limit=50`, { headers: { authorization: `Bearer ${tokenB}` } });
    expect(((await list.json()) as { lastSeq: number; total: number })).toMatchObject({ lastSeq: 12, total: 12 });
  });

  it('serves a photo uploaded to one node from the other, and accepts there an Open311 key issued on the first', async () => {
    const before = onB.events.length;
    const { id } = await twoNodeCase(a, token, 50);
    const jpeg = Buffer.from(PHOTO_JPEG_BASE64, 'base64');
    const form = new FormData();
    form.append('photo', new Blob([jpeg], { type: 'image/jpeg' }), 'before.jpg');
    const up = await fetch(`${a.url}/api/v1/cases/${id}/photos?stage=before`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const uploaded = await up.text();
    expect(up.status, uploaded).toBe(201);
    const photoId = (JSON.parse(uploaded) as { photos: { id: string }[] }).photos[0]!.id;
    const tokenB = await login(b.url, 'dispatcher');
    const original = await fetch(`${b.url}/api/v1/photos/${photoId}`, { headers: { authorization: `Bearer ${tokenB}` } });
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(jpeg)).toBe(true);
    const thumb = await fetch(`${b.url}/api/v1/photos/${photoId}/thumb`, { headers: { authorization: `Bearer ${tokenB}` } });
    expect([thumb.status, thumb.headers.get('content-type')]).toEqual([200, 'image/webp']);

    const admin = await login(a.url, 'admin');
    const issued = await fetch(`${a.url}/api/v1/admin/open311-keys`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ label: `hotline-${prefix}` }),
    });
    expect(issued.status).toBe(201);
    const { key } = (await issued.json()) as { key: string };
    const posted = await fetch(`${b.url}/open311/v2/requests.json`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `api_key=${encodeURIComponent(key)}&service_code=street_dirty&lat=32.981&long=114.021&description=two-node%20hotline`,
    });
    const created = await posted.text();
    expect(posted.status, created).toBe(200);
    expect(created).toMatch(/"service_request_id":"AJ\d{8}-\d{5}"/);
    // Created, photo attached, Open311 request: three events, on both nodes' displays.
    for (const d of [onA, onB]) await expect.poll(() => d.events.length, { timeout: 5000 }).toBe(before + 3);
  });

  it('after SIGKILL of a node its displays reconnect to the other and miss no case event', async () => {
    const lastSeenOnA = Math.max(...seqs(onA.events));
    const indexOf = new Map(onB.registered.map((p) => [p.deviceId, p.index]));
    await reportFix(a, 'two-node-0', 114.05, 32.99);
    await expect.poll(() => onB.positions.get(indexOf.get('two-node-0')!)?.lon, { timeout: 5000 }).toBeCloseTo(114.05, 5);

    await a.stop('SIGKILL');
    await expect.poll(() => onA.socket.connected, { timeout: 5000 }).toBe(false);
    // While the display is away, the surviving node keeps writing.
    const tokenB = await login(b.url, 'dispatcher');
    for (let k = 0; k < 5; k++) await twoNodeCase(b, tokenB, 100 + k);
    await new Promise((r) => setTimeout(r, 2000));

    const t0 = performance.now();
    const back = await connectDisplay(b.url, token);
    const [caughtUp, snapshot] = await Promise.all([back.catchUp(lastSeenOnA), back.subscribe()]);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
    expect(caughtUp.complete).toBe(true);
    expect(seqs(caughtUp.events)).toEqual(range(lastSeenOnA + 1, lastSeenOnA + 5));
    expect(caughtUp.events.map((e) => e.case.description)).toEqual(range(100, 104).map((k) => `two-node case ${k}`));
    expect([...seqs(onA.events), ...seqs(caughtUp.events)].sort((x, y) => x - y)).toEqual(range(1, lastSeenOnA + 5));
    // The snapshot is fresh: it has the last fix the dead node received, shared before it died.
    expect(snapshot.patrols.find((p) => p.deviceId === 'two-node-0')?.position).toMatchObject({ lon: 114.05, lat: 32.99 });
    back.close();
    console.log(`reconnect to the surviving node: catch-up of 5 events and snapshot in ${ms.toFixed(0)} ms`);
  });
});
