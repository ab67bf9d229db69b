import { describe, expect, it } from 'vitest';
import { selfIntersection } from './self-intersection.ts';

type R = [number, number][];
const square: R = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];

describe('selfIntersection', () => {
  it('passes simple rings, holes inside, and a hole touching its outer ring at a vertex', () => {
    expect(selfIntersection([square])).toBeNull();
    expect(selfIntersection([square, [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]])).toBeNull();
    expect(selfIntersection([square, [[0, 0], [1, 2], [2, 1], [0, 0]]])).toBeNull();
  });

  it('finds a crossing (bow tie) and where it is', () => {
    expect(selfIntersection([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]])).toEqual([1, 1]);
  });

  it('finds a hole crossing its outer ring, a spike folding back, a vertex touching an edge of its own ring', () => {
    expect(selfIntersection([square, [[3, 1], [5, 1], [5, 2], [3, 2], [3, 1]]])).not.toBeNull();
    expect(selfIntersection([[[0, 0], [4, 0], [6, 0], [5, 0], [4, 4], [0, 0]]])).not.toBeNull();
    expect(selfIntersection([[[0, 0], [4, 0], [4, 4], [2, 0], [0, 4], [0, 0]]])).toEqual([2, 0]);
  });

  it('handles a 200,000-point outline (indexed, not quadratic)', () => {
    const n = 200_000;
    const ring: R = Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
    ring.push(ring[0]!);
    expect(selfIntersection([ring])).toBeNull();
  });
});
