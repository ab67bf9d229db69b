import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { absorbFragments } from './fragments.ts';
import type { Areal } from './geojson-types.ts';

const square = (x: number, y: number, size: number): number[][] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];

describe('re-homing fragments', () => {
  it('moves a detached piece to the neighbour it shares the longest border with', () => {
    const a: Areal = { type: 'MultiPolygon', coordinates: [[square(0, 0, 0.01)], [square(0.02, 0, 0.002)]] };
    const b: Areal = { type: 'Polygon', coordinates: [square(0.022, 0, 0.01)] };
    // c touches the fragment along half its top edge only, b along its whole east edge.
    const c: Areal = { type: 'Polygon', coordinates: [square(0.021, 0.002, 0.002)] };
    const out = absorbFragments(new Map<string, Areal>([['a', a], ['b', b], ['c', c]]));
    expect(out.get('a')!.type).toBe('Polygon');
    expect(out.get('b')!.type).toBe('Polygon');
    expect(turf.area(out.get('b')!)).toBeCloseTo(turf.area(b) + turf.area({ type: 'Polygon', coordinates: [square(0.02, 0, 0.002)] }), -1);
    expect(out.get('c')).toBe(c);
  });
});
