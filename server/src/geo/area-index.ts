// A spatial index of polygons (districts, streets, communities or unit cells): Flatbush over their
// bounding boxes — or, for many small areas, a uniform bucket grid — narrows a lookup to a few
// candidates, then an exact point-in-polygon test decides. Few large areas also get a raster of
// cached answers (area-raster.ts), so most lookups skip the polygon test. Built from GeoJSON
// features, or from its own arrays (`parts`, what the binary grid cache stores), in which case the
// polygons are decoded only for the areas a lookup has to test exactly.
import Flatbush from 'flatbush';
import { BucketGrid, type BucketGridParts } from './bucket-grid.ts';
import { AreaRaster } from './area-raster.ts';
import { bboxOf, pointInPolygon, polygonsOf, type PolygonRings } from './point-in-polygon.ts';

export interface AreaFeature<P> {
  properties: P;
  geometry: { type: string; coordinates: unknown };
}

/** What an index is made of, without the polygons (given as a function, decoded on demand). */
export interface AreaIndexParts<P> {
  items: readonly P[];
  /** [w, s, e, n] per area */
  boxes: Float64Array;
  /** 1 where the area is exactly its bounding box */
  isBox: Uint8Array;
  polygons: (i: number) => PolygonRings[];
  /** Flatbush's own bytes (`Flatbush.from`; 8-byte aligned), null when there are no areas */
  flatbush: Uint8Array | null;
  buckets: BucketGridParts | null;
}

export class AreaIndex<P> {
  private readonly index: Flatbush | null;
  private readonly polygonsOf: (i: number) => PolygonRings[];
  /** True where the area is exactly its bounding box (most unit cells): no polygon test needed. */
  private readonly isBox: Uint8Array;
  private readonly boxes: Float64Array;
  private readonly buckets: BucketGrid | null;
  /** The bucket grid's entries with their area's box inline ([w, s, e, n] per entry) and the area
   *  (its index, or ~index when a polygon test is needed): a lookup reads one or two cache lines
   *  instead of following each candidate into the per-area arrays. */
  private readonly entryBoxes: Float64Array;
  private readonly entryAreas: Int32Array;
  private readonly raster: AreaRaster | null;
  readonly items: readonly P[];

  constructor(source: readonly AreaFeature<P>[] | AreaIndexParts<P>) {
    if (Array.isArray(source)) {
      const features = source as readonly AreaFeature<P>[];
      this.items = features.map((f) => f.properties);
      const polys = features.map((f) => polygonsOf(f.geometry));
      this.polygonsOf = (i) => polys[i]!;
      this.isBox = new Uint8Array(features.length);
      this.boxes = new Float64Array(features.length * 4);
      this.index = features.length ? new Flatbush(features.length) : null;
      polys.forEach((p, i) => {
        const [w, s, e, n] = bboxOf(p);
        this.index!.add(w, s, e, n);
        this.boxes.set([w, s, e, n], i * 4);
        this.isBox[i] = isAxisAlignedBox(p) ? 1 : 0;
      });
      this.index?.finish();
      this.buckets = features.length >= BUCKETS_FROM ? BucketGrid.build(this.boxes, features.length) : null;
    } else {
      const p = source as AreaIndexParts<P>;
      this.items = p.items;
      this.boxes = p.boxes;
      this.isBox = p.isBox;
      const decoded: PolygonRings[][] = [];
      this.polygonsOf = (i) => (decoded[i] ??= p.polygons(i));
      this.index = p.flatbush ? Flatbush.from(p.flatbush.buffer, p.flatbush.byteOffset) : null;
      this.buckets = p.buckets ? BucketGrid.fromParts(p.buckets) : null;
    }
    const ids = this.buckets?.ids ?? new Uint32Array(0);
    this.entryBoxes = new Float64Array(ids.length * 4);
    this.entryAreas = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k]!;
      for (let c = 0; c < 4; c++) this.entryBoxes[k * 4 + c] = this.boxes[i * 4 + c]!;
      this.entryAreas[k] = this.isBox[i] ? i : ~i;
    }
    this.raster = this.items.length && !this.buckets ? new AreaRaster(this.items.map((_, i) => this.polygonsOf(i)), this.extent()) : null;
  }

  /** The arrays a binary cache stores to rebuild this index without the GeoJSON. */
  parts(): Omit<AreaIndexParts<P>, 'polygons' | 'items'> {
    return { boxes: this.boxes, isBox: this.isBox, flatbush: this.index ? new Uint8Array(this.index.data) : null, buckets: this.buckets?.parts() ?? null };
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

  private contains(i: number, lon: number, lat: number): boolean {
    if (this.isBox[i]) return true;
    for (const p of this.polygonsOf(i)) if (pointInPolygon(lon, lat, p)) return true;
    return false;
  }

  private readonly findInTree = (lon: number, lat: number): number => {
    if (!this.index) return -1;
    let found = -1;
    this.index.search(lon, lat, lon, lat, (i) => {
      if (found < 0 && this.contains(i, lon, lat)) found = i;
      return false;
    });
    return found;
  };

  private findInBuckets(lon: number, lat: number): number {
    const g = this.buckets!;
    const bucket = g.bucketOf(lon, lat);
    if (bucket < 0) return -1;
    const b = this.entryBoxes;
    for (let k = g.offsets[bucket]!, end = g.offsets[bucket + 1]!; k < end; k++) {
      const o = k * 4;
      if (lon < b[o]! || lon > b[o + 2]! || lat < b[o + 1]! || lat > b[o + 3]!) continue;
      const a = this.entryAreas[k]!;
      if (a >= 0) return a;
      for (const p of this.polygonsOf(~a)) if (pointInPolygon(lon, lat, p)) return ~a;
    }
    return -1;
  }

  get(lon: number, lat: number): P | null {
    const i = this.find(lon, lat);
    return i >= 0 ? this.items[i]! : null;
  }

  bbox(i: number): [number, number, number, number] {
    const o = i * 4;
    return [this.boxes[o]!, this.boxes[o + 1]!, this.boxes[o + 2]!, this.boxes[o + 3]!];
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
