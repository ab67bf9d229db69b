import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { partitionByPower } from './power-partition.ts';
import { localPlane } from './planar.ts';
import { intersectAreal } from './polygon-ops.ts';
import { arealProblems } from './geometry-checks.ts';
import type { Areal } from './geojson-types.ts';

const plane = localPlane(114, 33);
// An L-shaped parent (concave), ~10 km across.
const parent: Areal = { type: 'Polygon', coordinates: [[[114, 33], [114.1, 33], [114.1, 33.04], [114.04, 33.04], [114.04, 33.09], [114, 33.09], [114, 33]]] };

describe('power-diagram partition', () => {
  const sites = [
    { id: 'a', seat: [114.01, 33.01], share: 1 },
    { id: 'b', seat: [114.08, 33.02], share: 2 },
    { id: 'c', seat: [114.02, 33.07], share: 3 },
    { id: 'd', seat: [114.05, 33.02], share: 4 },
  ];
  const { regions, worstAreaError } = partitionByPower(parent, sites, { plane, relax: 0.2, maxDrift: 0.5 });

  it('meets the planned shares', () => {
    expect(worstAreaError).toBeLessThan(0.01);
    const total = turf.area(parent);
    sites.forEach((s) => expect(turf.area(regions.get(s.id)!) / total).toBeCloseTo(s.share / 10, 1));
  });

  it('tiles the parent: valid regions, no overlaps, no gaps', () => {
    const list = [...regions.values()];
    for (const g of list) expect(arealProblems(g)).toEqual([]);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const overlap = intersectAreal(list[i]!, list[j]!);
        expect(overlap ? turf.area(overlap) : 0).toBeLessThan(1);
      }
    }
    expect(list.reduce((s, g) => s + turf.area(g), 0)).toBeCloseTo(turf.area(parent), -1);
  });
});
