import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { clipPolygonsToRect } from './rect-clip.ts';
import { arealProblems } from './geometry-checks.ts';
import { seededRandom } from './prng.ts';

const area = (rings: number[][][]): number => turf.area({ type: 'Polygon', coordinates: rings });

describe('clipping polygons to a rectangle', () => {
  it('returns two polygons where a U-shape crosses the window twice', () => {
    const u = [[[0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10], [0, 0]]];
    const out = clipPolygonsToRect([u], [-1, 5, 11, 8]);
    expect(out).toHaveLength(2);
    for (const p of out) expect(arealProblems({ type: 'Polygon', coordinates: p })).toEqual([]);
  });

  it('keeps holes inside, cuts holes that cross, and returns the window when it lies inside', () => {
    const holed = [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]]];
    expect(clipPolygonsToRect([holed], [3, 3, 7, 7])[0]).toHaveLength(2);
    expect(clipPolygonsToRect([holed], [1, 1, 2, 2])).toEqual([[[[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]]]);
    const crossing = clipPolygonsToRect([holed], [5, 5, 12, 12]);
    expect(crossing).toHaveLength(1);
    expect(area(crossing[0]!)).toBeCloseTo(area([[[5, 5], [10, 5], [10, 10], [5, 10], [5, 5]]]) - area([[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]]), -3);
    expect(clipPolygonsToRect([holed], [20, 20, 22, 22])).toEqual([]);
  });

  it('agrees with turf.intersect on random star polygons', () => {
    const rng = seededRandom('rect-clip-test');
    for (let k = 0; k < 60; k++) {
      const m = 5 + Math.floor(rng.next() * 30);
      const ring = Array.from({ length: m }, (_, i) => {
        const a = (2 * Math.PI * i) / m;
        const r = 0.02 + rng.next() * 0.08;
        return [114 + r * Math.cos(a), 33 + r * Math.sin(a)];
      });
      ring.push(ring[0]!);
      const x = 114 + rng.range(-0.08, 0.06), y = 33 + rng.range(-0.08, 0.06);
      const rect: [number, number, number, number] = [x, y, x + rng.range(0.005, 0.06), y + rng.range(0.005, 0.06)];
      const mine = clipPolygonsToRect([[ring]], rect);
      const ref = turf.intersect(turf.featureCollection([turf.polygon([ring]), turf.bboxPolygon(rect)]));
      const refArea = ref ? turf.area(ref) : 0;
      expect(mine.reduce((s, p) => s + area(p), 0)).toBeCloseTo(refArea, 0);
      expect(mine.length).toBe(ref ? (ref.geometry.type === 'Polygon' ? 1 : ref.geometry.coordinates.length) : 0);
      for (const p of mine) expect(arealProblems({ type: 'Polygon', coordinates: p })).toEqual([]);
    }
  });
});
