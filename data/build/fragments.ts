// A convex cell cut by a concave parent can fall apart into pieces. Regions should be one piece where
// the parent allows, so every piece but a region's largest moves to the neighbour it shares the
// longest border with.
import type { Areal, Position, Ring } from './geojson-types.ts';
import { arealFrom, polygonsOf } from './geojson-types.ts';
import { signedArea } from './planar.ts';
import { unionAreal } from './polygon-ops.ts';

/** Shared edges are computed twice (once per side), so they match to ~1e-12°; this is far above that
 *  and far below anything drawn (1e-9° ≈ 0.1 mm). */
const ON_LINE = 1e-9;

export function absorbFragments(regions: Map<string, Areal>): Map<string, Areal> {
  const parts = new Map<string, Ring[][]>();
  for (const [id, g] of regions) parts.set(id, polygonsOf(g).slice());
  const moves: { from: string; to: string; poly: Ring[] }[] = [];

  for (const [id, polys] of parts) {
    if (polys.length < 2) continue;
    const largest = polys.reduce((a, b) => (Math.abs(signedArea(b[0]!)) > Math.abs(signedArea(a[0]!)) ? b : a));
    for (const poly of polys) {
      if (poly === largest) continue;
      let best: string | null = null;
      let bestLength = 0;
      for (const [other, otherPolys] of parts) {
        if (other === id) continue;
        const length = sharedBorder(poly[0]!, otherPolys);
        if (length > bestLength) {
          best = other;
          bestLength = length;
        }
      }
      if (best) moves.push({ from: id, to: best, poly });
    }
  }
  if (moves.length === 0) return regions;

  for (const m of moves) {
    parts.set(m.from, parts.get(m.from)!.filter((p) => p !== m.poly));
    parts.get(m.to)!.push(m.poly);
  }
  const out = new Map<string, Areal>();
  for (const [id, polys] of parts) {
    const touched = moves.some((m) => m.from === id || m.to === id);
    const merged = touched ? unionAreal(polys.map((p) => arealFrom([p]))) : regions.get(id)!;
    if (!merged) throw new Error(`region ${id} vanished while re-homing fragments`);
    out.set(id, merged);
  }
  return out;
}

/** Length (in degrees) of the fragment's outer ring that runs along any edge of the other polygons. */
export function sharedBorder(ring: Ring, others: Ring[][]): number {
  const [fw, fs, fe, fn] = ringBox(ring);
  let total = 0;
  for (const poly of others) {
    for (const other of poly) {
      const [w, s, e, n] = ringBox(other);
      if (w > fe + ON_LINE || e < fw - ON_LINE || s > fn + ON_LINE || n < fs - ON_LINE) continue;
      for (let i = 0; i + 1 < ring.length; i++) {
        for (let j = 0; j + 1 < other.length; j++) total += overlap(ring[i]!, ring[i + 1]!, other[j]!, other[j + 1]!);
      }
    }
  }
  return total;
}

function ringBox(ring: Ring): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    w = Math.min(w, x!); s = Math.min(s, y!); e = Math.max(e, x!); n = Math.max(n, y!);
  }
  return [w, s, e, n];
}

/** Length of the common part of two segments when they lie on one line, else 0. */
function overlap(p: Position, q: Position, u: Position, v: Position): number {
  const dx = v[0]! - u[0]!;
  const dy = v[1]! - u[1]!;
  const len = Math.hypot(dx, dy);
  if (len === 0) return 0;
  const off = (a: Position): number => Math.abs((a[0]! - u[0]!) * dy - (a[1]! - u[1]!) * dx) / len;
  if (off(p) > ON_LINE || off(q) > ON_LINE) return 0;
  const along = (a: Position): number => ((a[0]! - u[0]!) * dx + (a[1]! - u[1]!) * dy) / len;
  const a = along(p);
  const b = along(q);
  return Math.max(0, Math.min(Math.max(a, b), len) - Math.max(Math.min(a, b), 0));
}
