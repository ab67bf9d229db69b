// Answers for a few large areas (districts, streets, communities) cached on a raster over their
// extent. A pixel no boundary edge touches lies wholly in the same area (or none), so its answer,
// computed once by the exact lookup, holds for every point in it; pixels an edge touches (marked
// conservatively: every pixel of each edge's bounding box) always go to the exact lookup. Makes the
// per-fix district lookup a division and an array read instead of a polygon test over hundreds of
// vertices.
import type { PolygonRings } from './point-in-polygon.ts';

const UNKNOWN = -2;
const EDGE = -3;

export class AreaRaster {
  private readonly x0: number;
  private readonly y0: number;
  private readonly kx: number;
  private readonly ky: number;
  private readonly answers: Int32Array;

  /** `extent` [w, s, e, n] covers every area; `size` pixels on the longer side. */
  constructor(polys: readonly PolygonRings[][], extent: readonly [number, number, number, number], readonly size = 512) {
    const [w, s, e, n] = extent;
    this.x0 = w;
    this.y0 = s;
    this.kx = size / Math.max(e - w, 1e-12);
    this.ky = size / Math.max(n - s, 1e-12);
    this.answers = new Int32Array(size * size).fill(UNKNOWN);
    for (const areaPolys of polys) for (const poly of areaPolys) for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i]!, b = ring[j]!;
        this.markEdge(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
      }
    }
  }

  private markEdge(w: number, s: number, e: number, n: number): void {
    const last = this.size - 1;
    const c0 = Math.max(0, Math.floor((w - this.x0) * this.kx)), c1 = Math.min(last, Math.floor((e - this.x0) * this.kx));
    const r0 = Math.max(0, Math.floor((s - this.y0) * this.ky)), r1 = Math.min(last, Math.floor((n - this.y0) * this.ky));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.answers[r * this.size + c] = EDGE;
  }

  /** The area at the point (index, or -1 for none); `exact` decides where the raster cannot. Points
   *  outside the extent are in no area. */
  find(x: number, y: number, exact: (x: number, y: number) => number): number {
    const c = Math.floor((x - this.x0) * this.kx);
    const r = Math.floor((y - this.y0) * this.ky);
    if (!(c >= 0 && r >= 0 && c < this.size && r < this.size)) return -1;
    const p = r * this.size + c;
    const known = this.answers[p]!;
    if (known >= -1) return known;
    if (known === EDGE) return exact(x, y);
    const found = exact(x, y);
    this.answers[p] = found;
    return found;
  }
}
