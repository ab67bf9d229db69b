// The assessment tracker (items → contents, weekly trend), the shipped sample taxonomy, and the
// field sites with open problems nearby.
import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES } from '@cw/shared/domain/taxonomy';
import { CaseIndex } from './case-index.ts';
import { selectRows } from './case-selection.ts';
import { assessmentStatus, validateTaxonomy } from './assessment-tracker.ts';
import { SAMPLE_ASSESSMENT } from './assessment-sample.ts';
import { SiteRisk } from './site-risk.ts';
import { memoryRepo, testContext, type TestCase } from './test-fixtures.ts';

const NOW = Date.parse('2026-06-03T12:00:00+08:00'); // a Wednesday
const WEEK = 7 * 86400_000;
const MONDAY = Date.parse('2026-06-01T00:00:00+08:00');

let n = 0;
function kase(category: string, state: TestCase['state'], createdAt: number, extra: Partial<TestCase> = {}): TestCase {
  const cat = CASE_CATEGORIES.find((c) => c.code === category)!;
  n++;
  return {
    id: `AJ20260601-${String(n).padStart(5, '0')}`, state, category, item: cat.item, unit: cat.unit, source: 'patrol',
    lon: 114.0, lat: 32.95, cell: null, community: null, street: '411702001', district: '411702', patrolId: null,
    createdAt, closedAt: state === 'closed' ? createdAt + 3600_000 : null, overdue: false, version: 1, reopened: false, ...extra,
  };
}

describe('assessment tracker', () => {
  it('ships a sample that maps every case category to one content under its own item', () => {
    expect(SAMPLE_ASSESSMENT.sample).toBe(true);
    expect(SAMPLE_ASSESSMENT.label).toMatch(/示例/);
    expect(SAMPLE_ASSESSMENT.items).toHaveLength(12);
    expect(() => validateTaxonomy(SAMPLE_ASSESSMENT, CASE_CATEGORIES)).not.toThrow();
    const mapped = SAMPLE_ASSESSMENT.items.flatMap((i) => i.contents.flatMap((c) => c.categories)).sort();
    expect(mapped).toEqual(CASE_CATEGORIES.map((c) => c.code).sort());
  });

  it('refuses a taxonomy that puts a category under the wrong item or names an unknown one', () => {
    const moved = structuredClone(SAMPLE_ASSESSMENT);
    moved.items[0]!.contents[0]!.categories.push('street_dirty');
    expect(() => validateTaxonomy(moved, CASE_CATEGORIES)).toThrow(/counts against item A09/);
    const unknown = structuredClone(SAMPLE_ASSESSMENT);
    unknown.items[8]!.contents[0]!.categories.push('flying_cars');
    expect(() => validateTaxonomy(unknown, CASE_CATEGORIES)).toThrow(/no case category/);
    const twice = structuredClone(SAMPLE_ASSESSMENT);
    twice.items.push(twice.items[0]!);
    expect(() => validateTaxonomy(twice, CASE_CATEGORIES)).toThrow(/twice/);
  });

  it('counts open and overdue per item and content, and created/closed per week', async () => {
    const cases = [
      kase('street_dirty', 'dispatched', MONDAY + 3600_000, { overdue: true }),
      kase('road_vending', 'reported', MONDAY - WEEK + 5000),
      kase('toilet_unclean', 'closed', MONDAY - 2 * WEEK + 5000), // closed an hour later, same week
      kase('traffic_order', 'in_progress', MONDAY - 5 * WEEK), // before the 3-week trend: open still counts
      kase('street_dirty', 'rejected', MONDAY + 7200_000),
    ];
    const index = await CaseIndex.load(memoryRepo(cases), testContext());
    const status = assessmentStatus(index, selectRows(index, { from: 0, to: Infinity }, {}), SAMPLE_ASSESSMENT, 3, NOW);
    expect(status.weeks).toEqual([MONDAY - 2 * WEEK, MONDAY - WEEK, MONDAY]);
    const a09 = status.items.find((i) => i.code === 'A09')!;
    expect(a09).toMatchObject({ open: 2, overdueOpen: 1, created: [1, 1, 2], closed: [1, 0, 0] });
    expect(a09.contents.map((c) => [c.code, c.open, c.overdueOpen])).toEqual([['C0901', 2, 1], ['C0902', 0, 0], ['C0903', 0, 0], ['C0904', 0, 0]]);
    expect(status.items.find((i) => i.code === 'A08')).toMatchObject({ open: 1, created: [0, 0, 0] });
  });

  it('finds sites with open problems within 150 m, counting a case for every site it is near', async () => {
    const sites = new SiteRisk([
      { id: 'IP1', name: '农贸市场甲', category: 'S06', street: null, readiness: 'ready', lon: 114.0, lat: 32.95 },
      { id: 'IP2', name: '学校乙', category: 'S10', street: null, readiness: 'attention', lon: 114.0, lat: 32.9510 }, // ≈ 110 m north
      { id: 'IP3', name: '公厕丙', category: 'S08', street: null, readiness: 'ready', lon: 114.01, lat: 32.95 },
    ]);
    const cases = [
      kase('road_vending', 'dispatched', MONDAY, { lon: 114.0, lat: 32.9505, overdue: true }), // near IP1 and IP2
      kase('road_vending', 'closed', MONDAY, { lon: 114.0, lat: 32.95 }), // closed: no risk
      kase('toilet_unclean', 'reported', MONDAY, { lon: 114.0, lat: 32.9525 }), // ≈ 166 m from IP2, 277 m from IP1
    ];
    const index = await CaseIndex.load(memoryRepo(cases), testContext());
    const risk = sites.assess(index, selectRows(index, { from: 0, to: Infinity }, {}));
    expect(risk.sites.map((s) => [s.id, s.open, s.overdueOpen])).toEqual([['IP1', 1, 1], ['IP2', 1, 1]]);
    expect(risk.categories).toHaveLength(38);
    expect(risk.categories.find((c) => c.code === 'S06')).toMatchObject({ sites: 1, atRisk: 1, open: 1, overdueOpen: 1 });
    expect(risk.categories.find((c) => c.code === 'S08')).toMatchObject({ sites: 1, atRisk: 0, open: 0 });
  });
});
