import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { boundsOf, labelPoints, polygonLabelPoint } from './label-points.ts';

const square = (x: number, y: number, s: number): Position[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

describe('label points', () => {
  it('uses the centroid of a compact shape', () => {
    expect(polygonLabelPoint([square(0, 0, 2)])).toEqual([1, 1]);
  });

  it('finds a point inside a U shape whose centroid falls outside', () => {
    const u: Position[] = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    const [x, y] = polygonLabelPoint([u]) as [number, number];
    const inLeftArm = x > 0 && x < 1 && y > 0 && y < 3;
    const inRightArm = x > 2 && x < 3 && y > 0 && y < 3;
    const inBase = y > 0 && y < 1 && x > 0 && x < 3;
    expect(inLeftArm || inRightArm || inBase).toBe(true);
  });

  it('labels the largest part of a multipolygon once', () => {
    const fc: FeatureCollection<Polygon | MultiPolygon, { name: string }> = {
      type: 'FeatureCollection',
      features: [{
        type: 'Feature',
        properties: { name: '驿城区' },
        geometry: { type: 'MultiPolygon', coordinates: [[square(10, 10, 0.1)], [square(0, 0, 4)]] },
      }],
    };
    const points = labelPoints(fc);
    expect(points.features).toHaveLength(1);
    expect(points.features[0]!.geometry.coordinates).toEqual([2, 2]);
    expect(points.features[0]!.properties.name).toBe('驿城区');
    expect(boundsOf(fc.features)).toEqual([0, 0, 10.1, 10.1]);
  });
});
