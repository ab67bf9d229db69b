import { describe, expect, it } from 'vitest';
import { PatrolGrid } from './patrol-grid.ts';
import { haversineM } from './live-patrols.ts';

function prng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('PatrolGrid', () => {
  const rand = prng(3);
  const N = 3000;
  const lon = new Float64Array(N), lat = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    // Most in a city, some clustered at one corner, a few far away.
    const far = i % 500 === 0, cluster = i % 7 === 0;
    lon[i] = far ? 115 + rand() : cluster ? 114.0 + rand() * 0.002 : 113.95 + rand() * 0.15;
    lat[i] = far ? 34 + rand() : cluster ? 32.9 + rand() * 0.002 : 32.9 + rand() * 0.15;
  }
  // Patrol 1 has no position: not in the grid.
  const indices = Array.from({ length: N }, (_, i) => i).filter((i) => i !== 1);
  const grid = new PatrolGrid(indices, lon, lat);

  const brute = (x: number, y: number, n: number, maxM: number, accept: (i: number) => boolean) => indices
    .filter(accept)
    .map((i) => ({ i, d: haversineM(x, y, lon[i]!, lat[i]!) }))
    .filter((c) => c.d <= maxM)
    .sort((a, b) => a.d - b.d)
    .slice(0, n);

  it('finds the same nearest patrols as a brute-force great-circle scan, with a filter and a radius', () => {
    for (let q = 0; q < 400; q++) {
      const x = 113.9 + rand() * 0.25, y = 32.85 + rand() * 0.25;
      const n = 1 + (q % 25);
      const maxM = q % 3 === 0 ? 2000 : 50_000;
      const accept = (i: number) => i % 5 !== 0 && i % 3 !== 1;
      const want = brute(x, y, n, maxM, accept);
      const got = grid.nearest(x, y, n, maxM, accept);
      expect(got.map((g) => g.index), `${x},${y} n=${n}`).toEqual(want.map((w) => w.i));
      got.forEach((g, k) => expect(g.distanceM).toBeCloseTo(want[k]!.d, -1));
    }
  });

  it('answers points outside the patrols\' extent, fewer than n when too few pass, and nothing for NaN', () => {
    expect(grid.nearest(117, 36, 3, Infinity, () => true).map((g) => g.index)).toEqual(brute(117, 36, 3, Infinity, () => true).map((w) => w.i));
    expect(grid.nearest(114, 32.95, 10, Infinity, (i) => i === 42 || i === 7)).toHaveLength(2);
    expect(grid.nearest(114, 32.95, 5, Infinity, () => false)).toEqual([]);
    expect(grid.nearest(NaN, 32.95, 5, Infinity, () => true)).toEqual([]);
    expect(new PatrolGrid([], lon, lat).nearest(114, 33, 5, Infinity, () => true)).toEqual([]);
  });

  it('handles every patrol at one point', () => {
    const one = new PatrolGrid([0, 1, 2], Float64Array.of(114, 114, 114), Float64Array.of(33, 33, 33));
    expect(one.nearest(114.01, 33, 2, Infinity, () => true)).toHaveLength(2);
  });
});
