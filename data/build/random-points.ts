// Uniform random points inside an area (rejection sampling in its box), from a seeded stream.
import * as turf from '@turf/turf';
import type { Areal, Position } from './geojson-types.ts';
import type { Random } from './prng.ts';

export function randomPointIn(area: Areal, rng: Random): Position {
  const [w, s, e, n] = turf.bbox(area);
  for (let tries = 0; tries < 10000; tries++) {
    const p: Position = [rng.range(w, e), rng.range(s, n)];
    if (turf.booleanPointInPolygon(p, area)) return p;
  }
  throw new Error('no random point found inside the area');
}
