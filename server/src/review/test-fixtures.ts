// A small made-up territory and random cases over it, for the review's tests: 2 districts, 4
// streets, 8 communities, 48 unit cells on a regular lattice, and cases with every field random.
import { CASE_STATES, CASE_SOURCES, OPEN_STATES } from '@cw/shared/domain/case';
import { CASE_CATEGORIES } from '@cw/shared/domain/taxonomy';
import { mulberry32, pick } from '../simulator/random.ts';
import { ReviewAreas } from './areas.ts';
import { Codebook } from './codebook.ts';
import { HeatGrid } from './heat-grid.ts';
import type { IndexContext } from './case-index.ts';
import type { CaseFact, ReviewRepo } from './review-repo.ts';

const box = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

/** Cell (i, j) of the 8 × 6 lattice spans 0.01° from (114 + 0.01 i, 32.9 + 0.01 j). */
export const LATTICE = { cols: 8, rows: 6, lon0: 114, lat0: 32.9, step: 0.01 };

export function testLayers() {
  const { cols, rows, lon0, lat0, step } = LATTICE;
  const district = (i: number) => (i < 4 ? '411702' : '411771');
  const street = (i: number) => `${district(i)}00${1 + Math.floor(i / 2) % 2}`;
  const community = (i: number, j: number) => `${street(i)}00${1 + Math.floor(j / 3)}`;
  const grid = [];
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < rows; j++) {
      grid.push({ type: 'Feature' as const, properties: { code: `${community(i, j)}${String(j * cols + i + 1).padStart(4, '0')}`, community: community(i, j), street: street(i), district: district(i), areaM2: 10000, owner: '' },
        geometry: box(lon0 + i * step, lat0 + j * step, lon0 + (i + 1) * step, lat0 + (j + 1) * step) });
    }
  }
  const uniq = <T,>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
  const streets = uniq(grid, (c) => c.properties.street).map((c) => ({ type: 'Feature' as const,
    properties: { code: c.properties.street, name: `街道${c.properties.street.slice(-3)}`, districtCode: c.properties.district, type: '街道', chief: '' }, geometry: box(0, 0, 0, 0) }));
  const communities = uniq(grid, (c) => c.properties.community).map((c) => ({ type: 'Feature' as const,
    properties: { code: c.properties.community, name: `社区${c.properties.community.slice(-6)}`, streetCode: c.properties.street, districtCode: c.properties.district, type: '居委会', chief: '' }, geometry: box(0, 0, 0, 0) }));
  const districts = [
    { type: 'Feature' as const, properties: { code: '411702', name: '驿城区' }, geometry: box(lon0, lat0, lon0 + 4 * step, lat0 + rows * step) },
    { type: 'Feature' as const, properties: { code: '411771', name: '开发区' }, geometry: box(lon0 + 4 * step, lat0, lon0 + cols * step, lat0 + rows * step) },
  ];
  const fc = <T,>(features: T[]) => ({ type: 'FeatureCollection' as const, features });
  return { districts: fc(districts), streets: fc(streets), communities: fc(communities), grid: fc(grid) };
}

export function testContext(): IndexContext {
  const { cols, rows, lon0, lat0, step } = LATTICE;
  return {
    areas: new ReviewAreas(testLayers()),
    codes: new Codebook(CASE_CATEGORIES),
    heat: new HeatGrid([lon0, lat0, lon0 + cols * step, lat0 + rows * step]),
  };
}

export interface TestCase extends CaseFact {
  reopened: boolean;
}

/** `n` random cases created in [t0, t0 + spanMs); about 5% lie outside every cell. */
export function randomCases(n: number, seed: number, t0: number, spanMs: number): TestCase[] {
  const rand = mulberry32(seed);
  const cells = testLayers().grid.features.map((f) => f.properties);
  const out: TestCase[] = [];
  for (let k = 0; k < n; k++) {
    const category = pick(rand, CASE_CATEGORIES);
    const state = pick(rand, CASE_STATES);
    const createdAt = t0 + Math.floor(rand() * spanMs);
    const inside = rand() > 0.05;
    const cellIdx = Math.floor(rand() * cells.length);
    const cell = cells[cellIdx]!;
    const { cols, lon0, lat0, step } = LATTICE;
    const lon = inside ? lon0 + ((cellIdx % cols) + rand()) * step : 113.5 + rand() * 0.2;
    const lat = inside ? lat0 + (Math.floor(cellIdx / cols) + rand()) * step : 32.5;
    const done = state === 'closed' || state === 'rejected';
    out.push({
      id: `AJ20260101-${String(k + 1).padStart(5, '0')}`,
      state, category: category.code, item: category.item, unit: rand() < 0.9 ? category.unit : 'ycq',
      source: pick(rand, CASE_SOURCES), lon, lat,
      cell: inside ? cell.code : null, community: inside ? cell.community : null,
      street: inside ? cell.street : null, district: inside ? cell.district : rand() < 0.5 ? '411702' : null,
      patrolId: rand() < 0.7 ? `P${String(1 + Math.floor(rand() * 20)).padStart(5, '0')}` : null,
      createdAt, closedAt: done ? createdAt + Math.floor(rand() * 5 * 86400_000) : null,
      overdue: OPEN_STATES.has(state) || state === 'closed' ? rand() < 0.2 : false,
      version: 1 + Math.floor(rand() * 6),
      reopened: state === 'closed' && rand() < 0.1,
    });
  }
  return out;
}

/** A store stand-in that serves the given cases in the order given. */
export function memoryRepo(cases: readonly TestCase[], positions: readonly [number, number, number, number][] = []): ReviewRepo {
  return {
    async scanCases(visit) {
      for (const { reopened: _, ...fact } of cases) visit(fact);
      return cases.length;
    },
    async reopenedCaseIds() { return cases.filter((c) => c.reopened).map((c) => c.id); },
    async scanPositions(from, to, visit) {
      const rows = positions.filter(([, t]) => t >= from && t < to).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (const [p, t, lon, lat] of rows) visit(p, t, lon, lat);
      return rows.length;
    },
  };
}
