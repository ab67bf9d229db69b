// Point → area lookups (which community / street / district a point lies in): a Flatbush index over
// the areas' boxes, then an exact point-in-polygon test on the few candidates.
import Flatbush from 'flatbush';
import * as turf from '@turf/turf';
import type { Areal, Position } from './geojson-types.ts';

export class AreaIndex<T> {
  private readonly index: Flatbush;

  constructor(private readonly areas: readonly { geometry: Areal; value: T }[]) {
    this.index = new Flatbush(Math.max(areas.length, 1));
    for (const a of areas) {
      const [w, s, e, n] = turf.bbox(a.geometry);
      this.index.add(w, s, e, n);
    }
    if (areas.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /** Every area containing the point (boundary counts as inside). */
  findAll(p: Position): T[] {
    const [x, y] = p as [number, number];
    return this.index
      .search(x, y, x, y)
      .filter((i) => i < this.areas.length && turf.booleanPointInPolygon(p, this.areas[i]!.geometry))
      .map((i) => this.areas[i]!.value);
  }

  find(p: Position): T | null {
    return this.findAll(p)[0] ?? null;
  }
}
