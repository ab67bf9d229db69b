import { describe, expect, it } from 'vitest';
import { bboxOf } from './geo-bounds.ts';

describe('bboxOf', () => {
  it('spans points, lines and multipolygons', () => {
    expect(bboxOf({ type: 'Point', coordinates: [114, 33] })).toEqual([114, 33, 114, 33]);
    expect(bboxOf({ type: 'LineString', coordinates: [[114, 33], [114.2, 32.9]] })).toEqual([114, 32.9, 114.2, 33]);
    expect(bboxOf({ type: 'MultiPolygon', coordinates: [[[[1, 2], [3, 4], [1, 5], [1, 2]]], [[[-1, 0], [0, 0], [0, 1], [-1, 0]]]] })).toEqual([-1, 0, 3, 5]);
    expect(bboxOf({ type: 'LineString', coordinates: [] })).toBeNull();
  });
});
