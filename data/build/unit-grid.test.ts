import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { parseGridCode } from '@cw/shared/domain/grid-code';
import { buildUnitGrid, lattice, wholeSquare, type GridCommunity } from './unit-grid.ts';
import { arealProblems } from './geometry-checks.ts';

// Two communities sharing a slanted border, with a notch, ~1.5 km × 1 km.
const west: GridCommunity = {
  code: '411702001001', streetCode: '411702001', districtCode: '411702', owner: '甲社区居委会',
  geometry: { type: 'Polygon', coordinates: [[[114.0, 32.97], [114.0103, 32.97], [114.0071, 32.9793], [114.0, 32.9793], [114.0, 32.975], [114.003, 32.9745], [114.0, 32.974], [114.0, 32.97]]] },
};
const east: GridCommunity = {
  code: '411702001002', streetCode: '411702001', districtCode: '411702', owner: '乙村村委会',
  geometry: { type: 'Polygon', coordinates: [[[114.0103, 32.97], [114.0161, 32.97], [114.0161, 32.9793], [114.0071, 32.9793], [114.0103, 32.97]]] },
};
const other: GridCommunity = { ...east, code: '411702002001', streetCode: '411702002' };

describe('unit grid', () => {
  const grid = buildUnitGrid([west, east, other], (street) => street === '411702001');

  it('sizes full cells at ~10,000 m² and keeps every cell at most 10,500 m²', () => {
    const g = lattice(100);
    const full = turf.area(turf.bboxPolygon([114, 32.97, 114 + g.dLon, 32.97 + g.dLat]));
    expect(full).toBeGreaterThan(9950);
    expect(full).toBeLessThan(10050);
    for (const c of grid.cells) expect(c.areaM2).toBeLessThanOrEqual(10500);
    expect(grid.stats.full).toBeGreaterThan(0);
    expect(grid.stats.partial).toBeGreaterThan(0);
  });

  it('covers only the chosen streets, and each community up to its dropped slivers', () => {
    expect(new Set(grid.cells.map((c) => c.street))).toEqual(new Set(['411702001']));
    for (const community of [west, east]) {
      const cells = grid.cells.filter((c) => c.community === community.code);
      const sum = cells.reduce((s, c) => s + turf.area(c.geometry), 0);
      expect(Math.abs(sum - turf.area(community.geometry))).toBeLessThanOrEqual(grid.stats.droppedM2 + 50);
    }
  });

  it('gives valid cells inside their community, coded after it', () => {
    for (const c of grid.cells) {
      expect(arealProblems(c.geometry)).toEqual([]);
      expect(parseGridCode(c.code)?.community).toBe(c.community);
      const inside = turf.pointOnFeature(c.geometry).geometry.coordinates;
      const community = c.community === west.code ? west : east;
      expect(turf.booleanPointInPolygon(inside, community.geometry)).toBe(true);
      expect(c.owner).toBe(community.owner);
    }
  });

  it('numbers cells west→east, then north→south, from 1', () => {
    const squares = grid.cells
      .filter((c) => c.community === east.code)
      .map((c) => wholeSquare(lattice(100), c.geometry))
      .filter((at) => at !== null);
    expect(squares.length).toBeGreaterThan(20);
    for (let i = 1; i < squares.length; i++) {
      const a = squares[i - 1]!, b = squares[i]!;
      expect(b.row > a.row || (b.row === a.row && b.col > a.col)).toBe(true);
    }
    expect(grid.cells.find((c) => c.community === west.code)!.code.endsWith('0001')).toBe(true);
  });
});
