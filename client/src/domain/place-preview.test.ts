import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { containsPoint, previewPlace } from './place-preview.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const area = (code: string, name: string, geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon, { code: string; name: string }> =>
  ({ type: 'Feature', properties: { code, name }, geometry });

describe('place preview', () => {
  it('tells inside from outside, honouring holes and multipolygons', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };
    expect(containsPoint(withHole, 2, 2)).toBe(true);
    expect(containsPoint(withHole, 5, 5)).toBe(false);
    expect(containsPoint(withHole, 11, 5)).toBe(false);
    const two: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]] };
    expect(containsPoint(two, 5.5, 5.5)).toBe(true);
    expect(containsPoint(two, 3, 3)).toBe(false);
  });

  it('names the district, street and community a point falls in', () => {
    const layers = {
      districts: [area('411702', '驿城区', { type: 'Polygon', coordinates: [square(114, 32.9, 114.1, 33)] })],
      streets: [
        area('411702001', '东风街道', { type: 'Polygon', coordinates: [square(114, 32.9, 114.05, 33)] }),
        area('411702002', '西园街道', { type: 'Polygon', coordinates: [square(114.05, 32.9, 114.1, 33)] }),
      ],
      communities: [],
    };
    expect(previewPlace(layers, 114.07, 32.95)).toEqual({
      district: { code: '411702', name: '驿城区' },
      street: { code: '411702002', name: '西园街道' },
      community: null,
    });
    expect(previewPlace(layers, 120, 30)).toEqual({ district: null, street: null, community: null });
  });
});
