import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import type { WallConfig } from '../api/types.ts';
import { cameraStops, cityBounds } from './camera-stops.ts';

const box = (w: number, s: number, e: number, n: number, properties: object): Feature<Polygon> => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
});

const config: WallConfig = {
  assessmentDate: 0, tickMs: 1000, center: [114.02, 32.98], bbox: [113.5, 32.8, 114.3, 33.2],
  districts: [{ code: '411702', zh: '驿城区', en: 'Yicheng' }, { code: '411771', zh: '经济开发区', en: 'Dev Zone' }],
};
const districts = [box(113.5, 32.8, 114.3, 33.2, { code: '411702' }), box(113.95, 32.9, 114.05, 32.96, { code: '411771' })];
const streets = [
  box(114.0, 32.95, 114.05, 33.0, { code: '411702001', type: '街道' }),
  box(114.05, 32.97, 114.08, 33.02, { code: '411702002', type: '街道' }),
  box(113.5, 32.8, 113.8, 33.0, { code: '411702101', type: '镇' }),
];

describe('camera stops', () => {
  it('frames the urban street offices as the city, not the townships around them', () => {
    expect(cityBounds(config, streets)).toEqual([114.0, 32.95, 114.08, 33.02]);
  });

  it('falls back to a box around the configured centre without streets', () => {
    const [w, s, e, n] = cityBounds(config, []);
    expect((w + e) / 2).toBeCloseTo(114.02);
    expect((s + n) / 2).toBeCloseTo(32.98);
  });

  it('tours the overview, the city and each district smaller than the whole', () => {
    const stops = cameraStops(config, districts, streets);
    expect(stops.map((s) => s.key)).toEqual(['overview', 'centre', 'district']);
    expect(stops[2]!.label.zh).toBe('经济开发区');
  });
});
