// Ray-casting point-in-polygon over plain coordinate arrays: the hot path of every lookup, so no
// turf objects and no allocation.
export type Ring = number[][];
export type PolygonRings = Ring[];

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const pi = ring[i]!;
    const pj = ring[j]!;
    const xi = pi[0]!, yi = pi[1]!, xj = pj[0]!, yj = pj[1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point is inside the outer ring and outside every hole. */
export function pointInPolygon(x: number, y: number, rings: PolygonRings): boolean {
  if (!rings.length || !inRing(x, y, rings[0]!)) return false;
  for (let h = 1; h < rings.length; h++) if (inRing(x, y, rings[h]!)) return false;
  return true;
}

/** Polygon and MultiPolygon geometries as a list of polygons. */
export function polygonsOf(geometry: { type: string; coordinates: unknown }): PolygonRings[] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as PolygonRings];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as PolygonRings[];
  return [];
}

export function bboxOf(polys: readonly PolygonRings[]): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const p of polys) for (const pt of p[0] ?? []) {
    const x = pt[0]!, y = pt[1]!;
    if (x < w) w = x; if (x > e) e = x; if (y < s) s = y; if (y > n) n = y;
  }
  return [w, s, e, n];
}
