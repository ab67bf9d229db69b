// Committed coordinates carry 6 decimals (≈0.1 m), plenty for 100 m cells and small in bytes.
import type { Areal, Position, Ring } from './geojson-types.ts';
import { arealFrom, polygonsOf } from './geojson-types.ts';
import { signedArea } from './planar.ts';

export const COORD_DECIMALS = 6;
const SCALE = 10 ** COORD_DECIMALS;

export const roundCoord = (x: number): number => Math.round(x * SCALE) / SCALE;
export const roundPosition = (p: Position): Position => [roundCoord(p[0]!), roundCoord(p[1]!)];

/** Rounds a ring, drops the repeats rounding makes and zero-width spikes (a→b→a); null if nothing
 *  with area is left. Orientation is set the GeoJSON way: outer counter-clockwise, holes clockwise. */
export function roundRing(ring: Ring, outer: boolean): Ring | null {
  let pts = ring.map(roundPosition);
  const n0 = pts.length;
  if (n0 > 1 && same(pts[0]!, pts[n0 - 1]!)) pts = pts.slice(0, -1);
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    const out: Position[] = [];
    for (let i = 0; i < pts.length; i++) {
      const prev = out.length ? out[out.length - 1]! : pts[pts.length - 1]!;
      const p = pts[i]!;
      const next = pts[(i + 1) % pts.length]!;
      if (same(p, prev) || same(prev, next)) {
        changed = true;
        continue;
      }
      out.push(p);
    }
    pts = out;
  }
  if (pts.length < 3) return null;
  const area = signedArea(pts);
  if (area === 0) return null;
  if (area > 0 !== outer) pts.reverse();
  return [...pts, [pts[0]![0]!, pts[0]![1]!]];
}

export function roundAreal(g: Areal): Areal | null {
  const polys: Ring[][] = [];
  for (const poly of polygonsOf(g)) {
    const outer = roundRing(poly[0]!, true);
    if (!outer) continue;
    const holes = poly.slice(1).map((h) => roundRing(h, false)).filter((h): h is Ring => h !== null);
    polys.push([outer, ...holes]);
  }
  return polys.length ? arealFrom(polys) : null;
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
