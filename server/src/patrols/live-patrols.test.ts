import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../store/sqlite/store.ts';
import { LivePatrols } from './live-patrols.ts';
import { recommendPatrols } from '../cases/recommend.ts';
import { CASE_CATEGORY_BY_CODE } from '@cw/shared/domain/taxonomy';

async function setup() {
  const store = createSqliteStore(':memory:');
  const live = new LivePatrols(store.patrols, store.positions, (lon) => (lon < 114.05 ? '411702' : '411771'));
  await live.load();
  return { store, live };
}

describe('LivePatrols', () => {
  it('registers once per device even when first reports race', async () => {
    const { live } = await setup();
    const base = { id: 'P1', deviceId: 'd1', name: 'a', kind: 'grid_member' as const, unit: 'u', homeStreet: null };
    const [a, b] = await Promise.all([live.register(base, 1), live.register(base, 1)]);
    expect(a.index).toBe(b.index);
    expect(live.count).toBe(1);
  });

  it('collects only changed patrols per district, then status changes when they go quiet', async () => {
    const { live } = await setup();
    const t0 = 1_800_000_000_000;
    for (let k = 0; k < 3; k++) await live.register({ id: `P${k}`, deviceId: `d${k}`, name: `n${k}`, kind: 'grid_member', unit: 'u', homeStreet: null }, t0);
    live.report(0, { lon: 114.01, lat: 32.95, time: t0, speed: 1, heading: 0 });
    live.report(1, { lon: 114.06, lat: 32.95, time: t0, speed: 1, heading: 0 });
    const first = live.collectChanges(t0, 'outside');
    expect(first.get('411702')?.map((f) => f.index)).toEqual([0]);
    expect(first.get('411771')?.map((f) => f.index)).toEqual([1]);
    expect(live.collectChanges(t0 + 1000, 'outside').size).toBe(0);
    const later = live.collectChanges(t0 + 61_000, 'outside');
    expect(later.get('411702')?.[0]?.status).toBe('stale');
    expect(live.collectChanges(t0 + 62_000, 'outside').size).toBe(0);
    // An older fix than the live one goes to history only.
    live.report(0, { lon: 114.02, lat: 32.96, time: t0 - 5000, speed: 1, heading: 0 });
    expect(live.list(t0)[0]!.position!.lon).toBe(114.01);
    expect(live.drainHistory()).toHaveLength(3);
  });

  it('restores the last positions from history after a restart', async () => {
    const { store, live } = await setup();
    const t0 = 1_800_000_000_000;
    await live.register({ id: 'P1', deviceId: 'd1', name: 'n', kind: 'volunteer', unit: 'u', homeStreet: null }, t0);
    live.report(0, { lon: 114.01, lat: 32.95, time: t0, speed: 1, heading: 0 });
    live.report(0, { lon: 114.02, lat: 32.96, time: t0 + 1000, speed: 1, heading: 0 });
    await store.positions.append(live.drainHistory());
    const again = new LivePatrols(store.patrols, store.positions, () => '411702');
    await again.load();
    expect(again.list(t0 + 2000)[0]!.position).toMatchObject({ lon: 114.02, lat: 32.96 });
  });

  it('recommends the nearest available patrols of a suitable kind, own-grid patrols first', async () => {
    const { live } = await setup();
    const now = 1_800_000_000_000;
    const add = async (id: string, kind: 'grid_member' | 'traffic_police' | 'volunteer', lon: number, street: string | null) => {
      const p = await live.register({ id, deviceId: id, name: id, kind, unit: 'u', homeStreet: street }, now);
      live.report(p.index, { lon, lat: 32.95, time: now, speed: 0, heading: 0 });
    };
    await add('near-police', 'traffic_police', 114.0101, null);   // wrong kind for street_dirty
    await add('near', 'grid_member', 114.011, null);               // ~90 m
    await add('own-grid', 'grid_member', 114.013, '411702001');    // ~280 m, responsible
    await add('busy', 'grid_member', 114.0105, null);
    await add('far', 'grid_member', 114.04, null);                 // ~2.8 km
    live.setBusy('busy', true);
    const recs = recommendPatrols(live, { lon: 114.01, lat: 32.95, street: '411702001' }, CASE_CATEGORY_BY_CODE.get('street_dirty'), 3, now);
    expect(recs.map((r) => r.patrolId)).toEqual(['near', 'own-grid', 'far']);
    expect(recs[1]!.responsible).toBe(true);
    expect(recs[0]!.distanceM).toBeGreaterThan(80);
    expect(recs[0]!.distanceM).toBeLessThan(100);
    expect(recs[0]!.etaS).toBe(Math.round(recs[0]!.distanceM / 4.2));
    // A patrol that went quiet is not available.
    expect(recommendPatrols(live, { lon: 114.01, lat: 32.95, street: null }, CASE_CATEGORY_BY_CODE.get('street_dirty'), 3, now + 120_000)).toEqual([]);
  });

  describe('on two nodes sharing one store', () => {
    async function twoNodes() {
      const store = createSqliteStore(':memory:');
      const node = () => new LivePatrols(store.patrols, store.positions, () => '411702');
      const a = node();
      const b = node();
      await a.load();
      await b.load();
      return { a, b };
    }
    const t0 = 1_800_000_000_000;
    const patrol = (n: number) => ({ id: `P${n}`, deviceId: `d${n}`, name: `n${n}`, kind: 'grid_member' as const, unit: 'u', homeStreet: null });

    it('learns patrols the other node registered, rereading the directory after a gap', async () => {
      const { a, b } = await twoNodes();
      const p0 = await a.register(patrol(0), t0);
      const p1 = await a.register(patrol(1), t0);
      const p2 = await a.register(patrol(2), t0);
      await b.learn(p0);
      expect(b.count).toBe(1);
      await b.learn(p2);
      expect(b.all().map((p) => p.id)).toEqual(['P0', 'P1', 'P2']);
      await b.learn(p1);
      expect(b.count).toBe(3);
    });

    it('takes the other node\'s record when both register one device', async () => {
      const { a, b } = await twoNodes();
      const first = await a.register(patrol(7), t0);
      expect(await b.register(patrol(7), t0)).toEqual(first);
    });

    it('shares fixes once; the receiver shows them but leaves the frames to the node that got them', async () => {
      const { a, b } = await twoNodes();
      const p = await a.register(patrol(0), t0);
      await b.learn(p);
      a.report(p.index, { lon: 114.01, lat: 32.95, time: t0, speed: 2, heading: 90 });
      a.setBusy('P0', true);
      const shared = a.drainPeerChanges();
      expect(shared).toEqual([{ index: 0, lon: 114.01, lat: 32.95, time: t0, speed: 2, heading: 90, busy: true }]);
      expect(a.drainPeerChanges()).toEqual([]);

      expect(b.applyPeerFixes(shared, t0)).toBe(true);
      expect(b.list(t0)[0]).toMatchObject({ busy: true, status: 'online', position: { lon: 114.01, lat: 32.95, time: t0 } });
      expect(b.collectChanges(t0 + 1000, 'outside').size).toBe(0);
      expect(b.drainPeerChanges()).toEqual([]);
      // Quiet long enough, both nodes report the same status change.
      expect(b.collectChanges(t0 + 61_000, 'outside').get('411702')?.[0]).toMatchObject({ index: 0, status: 'stale' });
    });

    it('keeps its own newer fix over an older one from the other node, and says when an index is unknown', async () => {
      const { a, b } = await twoNodes();
      const p = await a.register(patrol(0), t0);
      await b.learn(p);
      b.report(p.index, { lon: 114.02, lat: 32.96, time: t0 + 5000, speed: 0, heading: 0 });
      expect(b.applyPeerFixes([{ index: 0, lon: 114.01, lat: 32.95, time: t0, speed: 0, heading: 0, busy: false }], t0 + 5000)).toBe(true);
      expect(b.list(t0 + 5000)[0]!.position!.lon).toBe(114.02);
      expect(b.collectChanges(t0 + 5000, 'outside').get('411702')?.map((f) => f.lon)).toEqual([114.02]);
      expect(b.applyPeerFixes([{ index: 5, lon: 114, lat: 33, time: t0, speed: 0, heading: 0, busy: false }], t0)).toBe(false);
    });
  });
});
