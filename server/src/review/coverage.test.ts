// Coverage maths: visited cells per day from history and live fixes, shares per street, cells not
// visited in N days, and each day read from history once.
import { describe, expect, it } from 'vitest';
import { AreaIndex } from '../geo/area-index.ts';
import { CoverageLedger, isSet } from './coverage.ts';
import { cstDay, cstDayStart } from './days.ts';
import { LATTICE, memoryRepo, testContext, testLayers } from './test-fixtures.ts';
import type { ReviewRepo } from './review-repo.ts';

const DAY0 = cstDay(Date.parse('2026-06-01T00:00:00+08:00'));
const at = (day: number, hour: number) => cstDayStart(day) + hour * 3600_000;
/** Centre of lattice cell (i, j); its number in the grid layer is i * rows + j. */
const centre = (i: number, j: number): [number, number] => [LATTICE.lon0 + (i + 0.5) * LATTICE.step, LATTICE.lat0 + (j + 0.5) * LATTICE.step];
const cellNo = (i: number, j: number) => i * LATTICE.rows + j;

describe('patrol coverage', () => {
  const ctx = testContext();
  const cells = new AreaIndex(testLayers().grid.features);
  const history: [number, number, number, number][] = [
    [0, at(DAY0, 9), ...centre(0, 0)],
    [0, at(DAY0, 10), ...centre(0, 1)],
    [1, at(DAY0 + 1, 9), ...centre(1, 0)],
    [1, at(DAY0 + 1, 11), ...centre(1, 0)],
    [1, at(DAY0 + 2, 9), 113.0, 32.0], // outside the grid
  ];
  let scans = 0;
  const base = memoryRepo([], history);
  const repo: ReviewRepo = { ...base, scanPositions: (f, t, v) => { scans++; return base.scanPositions(f, t, v); } };

  it('merges history and live fixes, reading each day from history once', async () => {
    const ledger = new CoverageLedger(ctx.areas, (lon, lat) => cells.find(lon, lat), repo);
    // A live fix for day 2 arrives before anyone asked about day 2.
    ledger.observe(at(DAY0 + 2, 8), ...centre(2, 5));
    await ledger.ensureDays(DAY0, DAY0 + 2);
    expect(scans).toBe(1);
    await ledger.ensureDays(DAY0 + 1, DAY0 + 2);
    expect(scans).toBe(1);
    expect(ledger.cellList(ledger.visited(DAY0, DAY0 + 2), true)).toEqual([cellNo(0, 0), cellNo(0, 1), cellNo(1, 0), cellNo(2, 5)]);
    expect(ledger.cellList(ledger.visited(DAY0 + 1, DAY0 + 1), true)).toEqual([cellNo(1, 0)]);
    expect(ledger.lastVisit[cellNo(1, 0)]).toBe(at(DAY0 + 1, 11));
    // A live fix after loading lands too.
    ledger.observe(at(DAY0 + 2, 15), ...centre(7, 5));
    expect(isSet(ledger.visited(DAY0 + 2, DAY0 + 2), cellNo(7, 5))).toBe(true);
    await ledger.ensureDays(DAY0 - 1, DAY0 + 3);
    expect(scans).toBe(3);
  });

  it('computes each street\'s share of visited cells', async () => {
    const ledger = new CoverageLedger(ctx.areas, (lon, lat) => cells.find(lon, lat), memoryRepo([], history));
    await ledger.ensureDays(DAY0, DAY0 + 1);
    const cov = ledger.byArea(ledger.visited(DAY0, DAY0 + 1), 'street');
    const share = new Map(cov.ids.map((id, k) => [ctx.areas.streets.code(id), `${cov.visited[k]}/${cov.cells[k]}`]));
    // Columns 0–1 are street 411702001 (12 cells): cells (0,0), (0,1), (1,0) were visited.
    expect(share).toEqual(new Map([['411702001', '3/12'], ['411702002', '0/12'], ['411771001', '0/12'], ['411771002', '0/12']]));
    const byCommunity = ledger.byArea(ledger.visited(DAY0, DAY0 + 1), 'community');
    expect(byCommunity.cells.reduce((a, b) => a + b, 0)).toBe(48);
    expect(byCommunity.visited.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('lists cells not visited in the last N days', async () => {
    const ledger = new CoverageLedger(ctx.areas, (lon, lat) => cells.find(lon, lat), memoryRepo([], history));
    await ledger.ensureDays(DAY0 + 1, DAY0 + 2);
    const stale = ledger.cellList(ledger.visited(DAY0 + 1, DAY0 + 2), false);
    expect(stale).toHaveLength(47);
    expect(stale).not.toContain(cellNo(1, 0));
    expect(stale).toContain(cellNo(0, 0));
  });
});
