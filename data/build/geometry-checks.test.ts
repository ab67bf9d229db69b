import { describe, expect, it } from 'vitest';
import { arealProblems } from './geometry-checks.ts';
import type { Polygon } from './geojson-types.ts';

const poly = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const square = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];

describe('polygon validity checks', () => {
  it('accepts a square, and a square with a hole inside it', () => {
    expect(arealProblems(poly(square))).toEqual([]);
    expect(arealProblems(poly(square, [[0.5, 0.5], [0.5, 1.5], [1.5, 1.5], [1.5, 0.5], [0.5, 0.5]]))).toEqual([]);
  });

  it('rejects a bow-tie (self-intersection)', () => {
    expect(arealProblems(poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]])).join()).toMatch(/intersect/);
  });

  it('rejects open rings, rings with fewer than four positions and repeated vertices', () => {
    expect(arealProblems(poly([[0, 0], [2, 0], [2, 2], [0, 2]])).join()).toMatch(/not closed/);
    expect(arealProblems(poly([[0, 0], [2, 0], [0, 0]])).join()).toMatch(/only 3 positions/);
    expect(arealProblems(poly([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]])).join()).toMatch(/repeated vertex/);
  });

  it('rejects a zero-width spike and a hole touching its shell', () => {
    expect(arealProblems(poly([[0, 0], [3, 0], [2, 0], [2, 2], [0, 2], [0, 0]])).join()).toMatch(/fold back|intersect/);
    expect(arealProblems(poly([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[2, 0], [1, 1], [3, 1], [2, 0]])).join()).toMatch(/intersect/);
  });
});
