// A local metric plane (equirectangular about a reference point on the sphere turf uses) for the
// geometry that must be done in metres: power diagrams, sampling distances, lattice sizes. The map
// from lon/lat is affine, so straight edges stay straight both ways.
import type { Position } from './geojson-types.ts';

/** turf's earth radius, so lengths here agree with turf.area / turf.distance. */
export const EARTH_RADIUS_M = 6371008.8;
export const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

export type XY = [number, number];

export interface LocalPlane {
  lon0: number;
  lat0: number;
  toPlane(p: Position): XY;
  toLonLat(p: XY): XY;
}

export function localPlane(lon0: number, lat0: number): LocalPlane {
  const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  return {
    lon0,
    lat0,
    toPlane: (p) => [((p[0] ?? 0) - lon0) * kx, ((p[1] ?? 0) - lat0) * ky],
    toLonLat: ([x, y]) => [lon0 + x / kx, lat0 + y / ky],
  };
}

/** Shoelace area, positive for counter-clockwise rings (closed or not). */
export function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s / 2;
}

/** Area-weighted centroid and signed area of a ring. */
export function ringMoments(ring: readonly Position[]): { area: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % n]!;
    const cross = p[0]! * q[1]! - q[0]! * p[1]!;
    a += cross;
    cx += (p[0]! + q[0]!) * cross;
    cy += (p[1]! + q[1]!) * cross;
  }
  if (a === 0) return { area: 0, cx: ring[0]?.[0] ?? 0, cy: ring[0]?.[1] ?? 0 };
  return { area: a / 2, cx: cx / (3 * a), cy: cy / (3 * a) };
}

/** Keeps the part of a polygon where a·x + b·y ≤ c (Sutherland–Hodgman against one half-plane).
 *  Exact for convex input; for concave input the result may hold zero-width bridges, which add
 *  nothing to its area or centroid, which is all it is used for then. */
export function clipByHalfPlane(poly: readonly XY[], a: number, b: number, c: number): XY[] {
  const out: XY[] = [];
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % n]!;
    const fp = a * p[0] + b * p[1] - c;
    const fq = a * q[0] + b * q[1] - c;
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** Clips a ring (any shape) to a convex counter-clockwise polygon, edge by edge. */
export function clipToConvex(ring: readonly XY[], convex: readonly XY[]): XY[] {
  let out: XY[] = ring.slice();
  for (let i = 0, n = convex.length; i < n && out.length > 0; i++) {
    const p = convex[i]!;
    const q = convex[(i + 1) % n]!;
    // Inside of a CCW edge p→q is its left: cross(q−p, x−p) ≥ 0  ⇔  a·x + b·y ≤ c below.
    const a = q[1] - p[1];
    const b = p[0] - q[0];
    out = clipByHalfPlane(out, a, b, a * p[0] + b * p[1]);
  }
  return out;
}
