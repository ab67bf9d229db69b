// The index's answers against a brute-force count over the same random cases, for random windows
// and filters at every level: selection, choropleth stats, heat bins, comparison, day series and
// rankings.
import { describe, expect, it } from 'vitest';
import { OPEN_STATES } from '@cw/shared/domain/case';
import { mulberry32, pick } from '../simulator/random.ts';
import { CaseIndex } from './case-index.ts';
import { FILTER_KEYS, selectRows, type CaseFilter, type CaseWindow } from './case-selection.ts';
import { areaStats, compareCounts } from './area-stats.ts';
import { heatBins } from './heat-bins.ts';
import { daySeries } from './day-series.ts';
import { rankings } from './rankings.ts';
import { cstDay, cstDayStart } from './days.ts';
import { HEAT_SCALES } from './heat-grid.ts';
import { AREA_LEVELS } from './areas.ts';
import { memoryRepo, randomCases, testContext, type TestCase } from './test-fixtures.ts';

const T0 = Date.parse('2026-01-01T00:00:00+08:00');
const SPAN = 120 * 86400_000;
const cases = randomCases(6000, 7, T0, SPAN);
// Stored order is not creation order: the index must sort.
const shuffled = [...cases].sort((a, b) => (a.id.charCodeAt(12) % 3) - (b.id.charCodeAt(12) % 3) || b.createdAt - a.createdAt);

function bruteSelect(window: CaseWindow, filter: CaseFilter): TestCase[] {
  return cases.filter((c) => c.createdAt >= window.from && c.createdAt < window.to
    && FILTER_KEYS.every((k) => !filter[k]?.length || filter[k]!.includes(String(c[k]))));
}

function randomQuery(rand: () => number): { window: CaseWindow; filter: CaseFilter } {
  const a = T0 - 5 * 86400_000 + Math.floor(rand() * (SPAN + 10 * 86400_000));
  const b = a + Math.floor(rand() * SPAN);
  const filter: CaseFilter = {};
  for (const key of FILTER_KEYS) {
    if (rand() < 0.25) {
      const values = [...new Set(cases.map((c) => c[key]).filter((v): v is string => v !== null))];
      filter[key] = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(rand, values));
    }
  }
  return { window: { from: a, to: b }, filter };
}

describe('review aggregations against brute force', async () => {
  const ctx = testContext();
  const index = await CaseIndex.load(memoryRepo(shuffled), ctx);
  const rand = mulberry32(99);
  const queries = [{ window: { from: T0, to: T0 + SPAN }, filter: {} }, ...Array.from({ length: 12 }, () => randomQuery(rand))];

  it('loads every case, sorted by creation time, each id finding its row', () => {
    expect(index.size).toBe(cases.length);
    for (let i = 1; i < index.size; i++) expect(index.created[i - 1]).toBeLessThanOrEqual(index.created[i]!);
    for (const c of cases) expect(index.created[index.rowOf(c.id)]).toBe(c.createdAt);
  });

  it.each(queries.map((q, k) => [k, q] as const))('query %i: selection, choropleth and comparison', (_, q) => {
    const rows = selectRows(index, q.window, q.filter);
    const expected = bruteSelect(q.window, q.filter);
    expect(rows.length).toBe(expected.length);
    for (const level of AREA_LEVELS) {
      const s = areaStats(index, rows, level);
      const dict = ctx.areas.dictionary(level);
      const brute = new Map<string, { count: number; overdue: number; closed: number; handlingMs: number }>();
      for (const c of expected) {
        const code = c[level];
        if (code === null) continue;
        const e = brute.get(code) ?? { count: 0, overdue: 0, closed: 0, handlingMs: 0 };
        e.count++;
        if (c.overdue) e.overdue++;
        if (c.state === 'closed') { e.closed++; e.handlingMs += c.closedAt! - c.createdAt; }
        brute.set(code, e);
      }
      const got = new Map(s.ids.map((id, k) => [dict.code(id), { count: s.count[k], overdue: s.overdue[k], closed: s.closed[k], handlingMs: s.handlingMs[k] }]));
      expect(got).toEqual(brute);
    }
    const other = randomQuery(rand);
    const cmp = compareCounts(index, rows, selectRows(index, other.window, q.filter), 'street');
    const countBy = (list: TestCase[]) => list.reduce((m, c) => (c.street ? m.set(c.street, (m.get(c.street) ?? 0) + 1) : m), new Map<string, number>());
    const a = countBy(expected);
    const b = countBy(bruteSelect(other.window, q.filter));
    cmp.ids.forEach((id, k) => {
      const code = ctx.areas.streets.code(id);
      expect([cmp.a[k], cmp.b[k]]).toEqual([a.get(code) ?? 0, b.get(code) ?? 0]);
    });
    expect(cmp.ids.length).toBe(new Set([...a.keys(), ...b.keys()]).size);
  });

  it.each(queries.slice(0, 6).map((q, k) => [k, q] as const))('query %i: heat bins at every scale', (_, q) => {
    const rows = selectRows(index, q.window, q.filter);
    const expected = bruteSelect(q.window, q.filter);
    for (const scale of HEAT_SCALES) {
      const heat = heatBins(index, rows, scale);
      const brute = new Map<string, number>();
      for (const c of expected) {
        const key = `${Math.floor(ctx.heat.x(c.lon) / scale)},${Math.floor(ctx.heat.y(c.lat) / scale)}`;
        brute.set(key, (brute.get(key) ?? 0) + 1);
      }
      const got = new Map<string, number>();
      for (let k = 0; k < heat.bins.length; k += 3) got.set(`${heat.bins[k]},${heat.bins[k + 1]}`, heat.bins[k + 2]!);
      expect(got).toEqual(brute);
      expect(heat.res).toBeCloseTo(0.001 * scale);
    }
  });

  it.each(queries.slice(0, 6).map((q, k) => [k, q] as const))('query %i: day series per community and per bin', (_, q) => {
    const rows = selectRows(index, q.window, q.filter);
    const expected = bruteSelect(q.window, q.filter);
    const s = daySeries(index, rows, q.window, 'community', 4);
    expect(s.firstDay).toBe(cstDayStart(cstDay(q.window.from)));
    expect(s.totals.reduce((x, y) => x + y, 0)).toBe(expected.length);
    const brute = new Map<string, number>();
    for (const c of expected) {
      if (!c.community) continue;
      const key = `${c.community}/${cstDay(c.createdAt) - cstDay(q.window.from)}`;
      brute.set(key, (brute.get(key) ?? 0) + 1);
    }
    const got = new Map<string, number>();
    for (let k = 0; k < s.triples.length; k += 3) got.set(`${ctx.areas.communities.code(s.triples[k]!)}/${s.triples[k + 1]}`, s.triples[k + 2]!);
    expect(got).toEqual(brute);
    // Coarse bins are counted densely, fine ones (more area-days than the dense limit) by sorting.
    for (const scale of [4, 1] as const) {
      const bins = daySeries(index, rows, q.window, 'bin', scale);
      const columns = Math.ceil(ctx.heat.width / scale);
      const bruteBins = new Map<string, number>();
      for (const c of expected) {
        const key = `${Math.floor(ctx.heat.y(c.lat) / scale) * columns + Math.floor(ctx.heat.x(c.lon) / scale)}/${cstDay(c.createdAt) - cstDay(q.window.from)}`;
        bruteBins.set(key, (bruteBins.get(key) ?? 0) + 1);
      }
      const gotBins = new Map<string, number>();
      for (let k = 0; k < bins.triples.length; k += 3) gotBins.set(`${bins.triples[k]}/${bins.triples[k + 1]}`, bins.triples[k + 2]!);
      expect(gotBins).toEqual(bruteBins);
    }
  });

  it.each(queries.slice(0, 6).map((q, k) => [k, q] as const))('query %i: rankings by street and unit', (_, q) => {
    const rows = selectRows(index, q.window, q.filter);
    const expected = bruteSelect(q.window, q.filter);
    for (const level of ['street', 'unit'] as const) {
      const got = rankings(index, rows, level);
      const groups = new Map<string, TestCase[]>();
      for (const c of expected) if (c[level] !== null) groups.set(c[level]!, [...(groups.get(c[level]!) ?? []), c]);
      expect(got.map((r) => r.code).sort()).toEqual([...groups.keys()].sort());
      for (const r of got) {
        const list = groups.get(r.code)!;
        const closed = list.filter((c) => c.state === 'closed');
        const durations = closed.map((c) => c.closedAt! - c.createdAt).sort((x, y) => x - y);
        const overdueOpen = list.filter((c) => OPEN_STATES.has(c.state) && c.overdue).length;
        const onTime = closed.filter((c) => !c.overdue).length;
        expect(r).toMatchObject({
          cases: list.length, closed: closed.length, overdueOpen, onTime,
          open: list.filter((c) => OPEN_STATES.has(c.state)).length,
          reopened: closed.filter((c) => c.reopened).length,
          onTimeRate: closed.length + overdueOpen ? onTime / (closed.length + overdueOpen) : null,
          p90HandlingMs: durations.length ? durations[Math.ceil(0.9 * durations.length) - 1] : null,
          meanHandlingMs: durations.length ? Math.round(durations.reduce((x, y) => x + y, 0) / durations.length) : null,
        });
      }
    }
  });

  it('refuses a filter code it has never heard of', () => {
    expect(() => selectRows(index, { from: T0, to: T0 + SPAN }, { street: ['999999999'] })).toThrow(/unknown street/);
  });
});
