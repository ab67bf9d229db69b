import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame } from '@cw/shared/realtime/patrol-frame';
import type { Ack, CatchUp, PatrolSnapshot } from '@cw/shared/realtime/events';
import type { CaseEvent } from '@cw/shared/schemas/cases';
import { buildTestApp, listen, once, type TestApp, type TestSocket } from '../test/build-test-app.ts';
import { buildDeviceListener } from '../ingest/device-listener.ts';

function emitAck<T>(s: TestSocket, event: string, ...args: unknown[]): Promise<Ack<T>> {
  return new Promise((resolve) => (s as unknown as { emit: (...a: unknown[]) => void }).emit(event, ...args, resolve));
}

describe('realtime', () => {
  let t: TestApp;
  let net: Awaited<ReturnType<typeof listen>>;
  let wallToken: string;
  let dispatcherToken: string;
  beforeAll(async () => {
    t = await buildTestApp({ TICK_MS: '100' });
    net = await listen(t.app);
    wallToken = await t.login('wall');
    dispatcherToken = await t.login('dispatcher');
  });
  afterAll(async () => t.close());

  it('refuses a connection without a valid token', async () => {
    await expect(net.connect('forged')).rejects.toThrow(/unauthorized/);
  });

  it('sends a snapshot on subscribe, then a binary frame with a device that moved', async () => {
    const devices = buildDeviceListener(t.app.ingest);
    await devices.inject({ url: '/?id=rt-1&lat=32.98&lon=114.02' });
    const wall = await net.connect(wallToken);
    const snap = await emitAck<PatrolSnapshot>(wall, 'patrols:subscribe', {});
    expect('data' in snap).toBe(true);
    if (!('data' in snap)) return;
    const patrol = snap.data.patrols.find((p) => p.deviceId === 'rt-1')!;
    const full = decodeFrame(new Uint8Array(snap.data.frame as ArrayBuffer));
    expect(full.full).toBe(true);
    expect(Array.from(full.columns.index.subarray(0, full.count))).toContain(patrol.index);

    const frameP = once<ArrayBuffer>(wall, 'patrols:frame');
    await devices.inject({ url: '/?id=rt-1&lat=32.981&lon=114.021' });
    const frame = decodeFrame(new Uint8Array(await frameP));
    const i = Array.from(frame.columns.index.subarray(0, frame.count)).indexOf(patrol.index);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(frame.columns.lat[i]).toBeCloseTo(32.981, 4);
    expect(frame.columns.lon[i]).toBeCloseTo(114.021, 4);
    wall.close();
    await devices.close();
  });

  it('leaves the directory out of the snapshot when the display loads it over HTTP', async () => {
    await t.app.ingest.accept({ deviceId: 'rt-nodir', lon: 114.02, lat: 32.98, time: Date.now(), speed: 0, heading: 0, accuracy: null, altitude: null, battery: null });
    const index = t.app.live.byDeviceId('rt-nodir')!.index;
    const wall = await net.connect(wallToken);
    const snap = await emitAck<PatrolSnapshot>(wall, 'patrols:subscribe', { directory: false });
    expect('data' in snap).toBe(true);
    if (!('data' in snap)) return;
    expect(snap.data.patrols).toEqual([]);
    const full = decodeFrame(new Uint8Array(snap.data.frame as ArrayBuffer));
    expect(Array.from(full.columns.index.subarray(0, full.count))).toContain(index);
    const bad = await emitAck(wall, 'patrols:subscribe', { directory: 'no' });
    expect('error' in bad && bad.error.code).toBe('bad_request');
    wall.close();
  });

  it('gives a display of every district one frame per tick holding both districts\' moves', async () => {
    const devices = buildDeviceListener(t.app.ingest);
    const kfq = t.app.geo.layers.grid.features.find((f) => f.properties.district === '411771')!;
    const [[lon, lat]] = (kfq.geometry.coordinates as number[][][])[0] as [[number, number]];
    const wall = await net.connect(wallToken);
    await emitAck<PatrolSnapshot>(wall, 'patrols:subscribe', {});
    const frames: ArrayBuffer[] = [];
    wall.on('patrols:frame', (f) => frames.push(f as ArrayBuffer));
    const bothInOneFrame = () => {
      const ids = t.app.live.all().filter((p) => p.deviceId.startsWith('both-')).map((p) => p.index);
      return ids.length === 2 && frames.map((f) => decodeFrame(new Uint8Array(f))).some((fr) =>
        ids.every((i) => Array.from(fr.columns.index.subarray(0, fr.count)).includes(i)));
    };
    // Two moves in the same tick (retried in case a pair straddles a tick boundary).
    for (let k = 0; k < 5 && !bothInOneFrame(); k++) {
      await devices.inject({ url: `/?id=both-1&lat=${32.982 + k * 1e-4}&lon=114.022` });
      await devices.inject({ url: `/?id=both-2&lat=${lat + 0.0003 + k * 1e-4}&lon=${lon + 0.0003}` });
      await new Promise((r) => setTimeout(r, 400));
    }
    expect(bothInOneFrame()).toBe(true);
    wall.close();
    await devices.close();
  });

  it('refuses bad subscribe payloads with an error ack', async () => {
    const wall = await net.connect(wallToken);
    const res = await emitAck(wall, 'patrols:subscribe', { districts: ['DROP TABLE'] });
    expect('error' in res && res.error.code).toBe('bad_request');
    const res2 = await emitAck(wall, 'cases:catch-up', { afterSeq: -5 });
    expect('error' in res2 && res2.error.code).toBe('bad_request');
    const res3 = await emitAck(wall, 'case:create', { category: 'street_dirty', lon: 114.02, lat: 32.98 });
    expect('error' in res3 && res3.error.code).toBe('forbidden');
    wall.close();
  });

  it('broadcasts case events, and a reconnecting client catches up exactly what it missed', async () => {
    const display = await net.connect(wallToken);
    const officer = await net.connect(dispatcherToken);
    const seen: CaseEvent[] = [];
    display.on('case:changed', (e) => seen.push(e));
    const first = await emitAck<{ id: string }>(officer, 'case:create', { category: 'street_dirty', lon: 114.02, lat: 32.98 });
    expect('data' in first).toBe(true);
    await expect.poll(() => seen.length).toBe(1);
    const lastSeen = seen[0]!.seq;
    display.close();

    const missed: string[] = [];
    for (let k = 0; k < 3; k++) {
      const r = await emitAck<{ id: string }>(officer, 'case:create', { category: 'noise', lon: 114.03, lat: 32.97, description: `missed ${k}` });
      if ('data' in r) missed.push(r.data.id);
    }
    const t0 = performance.now();
    const back = await net.connect(wallToken);
    const [res, snap] = await Promise.all([
      emitAck<CatchUp>(back, 'cases:catch-up', { afterSeq: lastSeen }),
      emitAck<PatrolSnapshot>(back, 'patrols:subscribe', {}),
    ]);
    // Back on the wall within a second: missed events and a fresh snapshot.
    expect(performance.now() - t0).toBeLessThan(1000);
    expect('data' in snap && decodeFrame(new Uint8Array(snap.data.frame as ArrayBuffer)).full).toBe(true);
    expect('data' in res).toBe(true);
    if (!('data' in res)) return;
    expect(res.data.complete).toBe(true);
    expect(res.data.events.map((e) => e.caseId)).toEqual(missed);
    const seqs = res.data.events.map((e) => e.seq);
    expect(seqs).toEqual([lastSeen + 1, lastSeen + 2, lastSeen + 3]);
    expect(res.data.lastSeq).toBe(lastSeen + 3);
    back.close();
    officer.close();
  });
});
