// Random points inside a polygon layer's features, by rejection sampling in the bounding box.
import type { AreaIndex } from '../geo/area-index.ts';

export function randomPointIn<P>(index: AreaIndex<P>, i: number, rand: () => number, tries = 200): [number, number] | null {
  const [w, s, e, n] = index.bbox(i);
  for (let k = 0; k < tries; k++) {
    const lon = w + rand() * (e - w);
    const lat = s + rand() * (n - s);
    if (index.find(lon, lat) === i) return [lon, lat];
  }
  return null;
}
