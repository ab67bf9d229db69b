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
});
