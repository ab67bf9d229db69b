// Ranking maths on cases with known numbers, worked by hand.
import { describe, expect, it } from 'vitest';
import { CaseIndex } from './case-index.ts';
import { selectRows } from './case-selection.ts';
import { rankings, sortRankings, summary } from './rankings.ts';
import { nearestRank } from './quantile.ts';
import { memoryRepo, testContext, type TestCase } from './test-fixtures.ts';

const H = 3_600_000;
const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const STREET_A = '411702001';
const STREET_B = '411702002';

let seq = 0;
function kase(street: string, state: TestCase['state'], handlingH: number | null, extra: Partial<TestCase> = {}): TestCase {
  seq++;
  return {
    id: `AJ20260302-${String(seq).padStart(5, '0')}`, state, category: 'street_dirty', item: 'A09', unit: 'cgj', source: 'patrol',
    lon: 114.005, lat: 32.905, cell: null, community: null, street, district: '411702', patrolId: null,
    createdAt: T0 + seq * 1000, closedAt: handlingH === null ? null : T0 + seq * 1000 + handlingH * H,
    overdue: false, version: 1, reopened: false, ...extra,
  };
}

describe('ranking maths', () => {
  it('p90 is the nearest-rank value: the ⌈0.9·n⌉-th smallest', () => {
    const v = (xs: number[]) => Float64Array.from(xs);
    expect(nearestRank(v([5]), 0.9)).toBe(5);
    expect(nearestRank(v([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.9)).toBe(9);
    expect(nearestRank(v([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 11]), 0.9)).toBe(10);
    expect(nearestRank(v([3, 3, 3, 1]), 0.9)).toBe(3);
    expect(nearestRank(v([]), 0.9)).toBeNaN();
    // Only the given slice counts.
    expect(nearestRank(v([100, 1, 2, 3, 100]), 0.5, 1, 4)).toBe(2);
  });

  it('on-time rate, mean and p90 handling, reopen rate per street', async () => {
    seq = 0;
    const cases = [
      // Street A: 10 closed, handled in 1…10 h; cases 9 and 10 went overdue; case 3 was reworked.
      ...Array.from({ length: 10 }, (_, k) => kase(STREET_A, 'closed', k + 1, { overdue: k >= 8, reopened: k === 2 })),
      // … plus two open (one overdue) and one rejected.
      kase(STREET_A, 'in_progress', null, { overdue: true }),
      kase(STREET_A, 'dispatched', null),
      kase(STREET_A, 'rejected', 0.5),
      // Street B: nothing closed, nothing due.
      kase(STREET_B, 'reported', null),
    ];
    const index = await CaseIndex.load(memoryRepo(cases), testContext());
    const rows = selectRows(index, { from: T0, to: T0 + 86400_000 }, {});
    const byCode = new Map(rankings(index, rows, 'street').map((r) => [r.code, r]));
    expect(byCode.get(STREET_A)).toEqual({
      code: STREET_A, name: '街道001', cases: 13, closed: 10, open: 2, overdueOpen: 1,
      onTime: 8,
      onTimeRate: 8 / 11, // 8 closed in time out of 10 closed + 1 open overdue
      meanHandlingMs: 5.5 * H, // (1 + … + 10) / 10
      p90HandlingMs: 9 * H, // ⌈0.9 · 10⌉ = 9th smallest
      reopened: 1, reopenRate: 0.1,
    });
    expect(byCode.get(STREET_B)).toMatchObject({ cases: 1, closed: 0, onTimeRate: null, meanHandlingMs: null, p90HandlingMs: null, reopenRate: null });

    // The report's headline: the same numbers over everything selected.
    expect(summary(index, rows)).toEqual({
      cases: 14, closed: 10, open: 3, overdueOpen: 1, onTime: 8, onTimeRate: 8 / 11,
      meanHandlingMs: 5.5 * H, p90HandlingMs: 9 * H, reopened: 1, reopenRate: 0.1,
    });
    expect(summary(index, rows.subarray(0, 0))).toMatchObject({ cases: 0, onTimeRate: null, p90HandlingMs: null });

    const byUnit = rankings(index, rows, 'unit');
    expect(byUnit).toHaveLength(1);
    expect(byUnit[0]).toMatchObject({ code: 'cgj', name: '市城管局', cases: 14 });
  });

  it('sorts either way with nulls last and ties by code', () => {
    const row = (code: string, onTimeRate: number | null) => ({ code, onTimeRate }) as Parameters<typeof sortRankings>[0][number];
    const rows = [row('c', 0.5), row('a', null), row('b', 0.9), row('d', 0.5)];
    expect(sortRankings(rows, 'onTimeRate', 'desc').map((r) => r.code)).toEqual(['b', 'c', 'd', 'a']);
    expect(sortRankings(rows, 'onTimeRate', 'asc').map((r) => r.code)).toEqual(['c', 'd', 'b', 'a']);
  });
});
