// Makes neighbouring areas share their borders vertex for vertex. Where one area's corner lies on
// another's edge (a community border meeting its street's border, two streets meeting the edge of the
// urban core), the corner is inserted into that edge too. Rounding to 6 decimals then moves both sides
// identically, so no hairline gaps or overlaps appear between areas, and every area measure (planar or
// spherical) sees the same border from both sides.
import Flatbush from 'flatbush';
import type { Areal, Position, Ring } from './geojson-types.ts';
import { arealFrom, polygonsOf } from './geojson-types.ts';

/** Corners computed on another area's edge sit within ~1e-13° of it; 1e-9° (0.1 mm) is safely above. */
const ON_EDGE = 1e-9;

export function shareBorders(areas: readonly Areal[]): Areal[] {
  const vertices: Position[] = [];
  const seen = new Set<string>();
  for (const g of areas) for (const poly of polygonsOf(g)) for (const ring of poly) for (const p of ring) {
    const key = `${p[0]},${p[1]}`;
    if (!seen.has(key)) {
      seen.add(key);
      vertices.push(p);
    }
  }
  const index = new Flatbush(Math.max(vertices.length, 1));
  for (const [x, y] of vertices) index.add(x!, y!, x!, y!);
  if (vertices.length === 0) index.add(0, 0, 0, 0);
  index.finish();

  const splitRing = (ring: Ring): Ring => {
    const out: Ring = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!, b = ring[i + 1]!;
      out.push(a);
      const dx = b[0]! - a[0]!, dy = b[1]! - a[1]!;
      const len2 = dx * dx + dy * dy;
      if (len2 === 0) continue;
      const hits = index
        .search(Math.min(a[0]!, b[0]!) - ON_EDGE, Math.min(a[1]!, b[1]!) - ON_EDGE, Math.max(a[0]!, b[0]!) + ON_EDGE, Math.max(a[1]!, b[1]!) + ON_EDGE)
        .map((k) => vertices[k]!)
        .map((p) => ({ p, t: ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2 }))
        .filter(({ p, t }) => t > 0 && t < 1 && Math.abs((p[0]! - a[0]!) * dy - (p[1]! - a[1]!) * dx) / Math.sqrt(len2) < ON_EDGE)
        .sort((u, v) => u.t - v.t);
      for (const { p } of hits) out.push(p);
    }
    out.push(ring[ring.length - 1]!);
    return out;
  };
  return areas.map((g) => arealFrom(polygonsOf(g).map((poly) => poly.map(splitRing))));
}
