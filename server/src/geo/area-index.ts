// A spatial index of polygons (districts, streets, communities or unit cells): Flatbush over their
// bounding boxes — or, for many small areas, a uniform bucket grid — narrows a lookup to a few
// candidates, then an exact point-in-polygon test decides. Few large areas also get a raster of
// cached answers (area-raster.ts), so most lookups skip the polygon test.
import Flatbush from 'flatbush';
import { BucketGrid } from './bucket-grid.ts';
import { AreaRaster } from './area-raster.ts';
import { bboxOf, pointInPolygon, polygonsOf, type PolygonRings } from './point-in-polygon.ts';

export interface AreaFeature<P> {
  properties: P;
  geometry: { type: string; coordinates: unknown };
}

export class AreaIndex<P> {
  private readonly index: Flatbush | null;
  private readonly polys: PolygonRings[][];
  /** True where the area is exactly its bounding box (most unit cells): no polygon test needed. */
  private readonly isBox: Uint8Array;
  private readonly boxes: Float64Array;
  private readonly buckets: BucketGrid | null;
  private readonly raster: AreaRaster | null;
  readonly items: readonly P[];

  constructor(features: readonly AreaFeature<P>[]) {
    this.items = features.map((f) => f.properties);
    this.polys = features.map((f) => polygonsOf(f.geometry));
    this.isBox = new Uint8Array(features.length);
    this.boxes = new Float64Array(features.length * 4);
    this.index = features.length ? new Flatbush(features.length) : null;
    this.polys.forEach((polys, i) => {
      const [w, s, e, n] = bboxOf(polys);
      this.index!.add(w, s, e, n);
      this.boxes.set([w, s, e, n], i * 4);
      this.isBox[i] = isAxisAlignedBox(polys) ? 1 : 0;
    });
    this.index?.finish();
    this.buckets = features.length >= BUCKETS_FROM ? new BucketGrid(this.boxes, features.length) : null;
    this.raster = features.length && !this.buckets ? new AreaRaster(this.polys, this.extent()) : null;
  }

  private extent(): [number, number, number, number] {
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (let o = 0; o < this.boxes.length; o += 4) {
      w = Math.min(w, this.boxes[o]!); s = Math.min(s, this.boxes[o + 1]!); e = Math.max(e, this.boxes[o + 2]!); n = Math.max(n, this.boxes[o + 3]!);
    }
    return [w, s, e, n];
  }

  get size(): number {
    return this.items.length;
  }

  /** Index of the area containing the point, or -1. */
  find(lon: number, lat: number): number {
    if (this.buckets) return this.findInBuckets(lon, lat);
    if (this.raster) return this.raster.find(lon, lat, this.findInTree);
    return -1;
  }

  private readonly findInTree = (lon: number, lat: number): number => {
    if (!this.index) return -1;
    let found = -1;
    this.index.search(lon, lat, lon, lat, (i) => {
      if (found >= 0) return false;
      if (this.isBox[i] || this.polys[i]!.some((p) => pointInPolygon(lon, lat, p))) found = i;
      return false;
    });
    return found;
  };

  private findInBuckets(lon: number, lat: number): number {
    const g = this.buckets!;
    const bucket = g.bucketOf(lon, lat);
    if (bucket < 0) return -1;
    const b = this.boxes;
    for (let k = g.offsets[bucket]!, end = g.offsets[bucket + 1]!; k < end; k++) {
      const i = g.ids[k]!;
      const o = i * 4;
      if (lon < b[o]! || lon > b[o + 2]! || lat < b[o + 1]! || lat > b[o + 3]!) continue;
      if (this.isBox[i] || this.polys[i]!.some((p) => pointInPolygon(lon, lat, p))) return i;
    }
    return -1;
  }

  get(lon: number, lat: number): P | null {
    const i = this.find(lon, lat);
    return i >= 0 ? this.items[i]! : null;
  }

  bbox(i: number): [number, number, number, number] {
    return bboxOf(this.polys[i]!);
  }
}

/** From this many areas on, lookups go through the bucket grid (unit cells); fewer, larger areas
 *  (districts, streets, communities) stay on Flatbush, where a bucket grid would duplicate them. */
const BUCKETS_FROM = 2000;

function isAxisAlignedBox(polys: readonly PolygonRings[]): boolean {
  if (polys.length !== 1 || polys[0]!.length !== 1) return false;
  const ring = polys[0]![0]!;
  if (ring.length !== 5) return false;
  const xs = new Set(ring.map((p) => p[0]));
  const ys = new Set(ring.map((p) => p[1]));
  return xs.size === 2 && ys.size === 2;
}
