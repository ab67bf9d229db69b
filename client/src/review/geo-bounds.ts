// The bounding box of a GeoJSON geometry, for fitting the camera to a street, a road section or a
// site the leader picked.
import type { Geometry, Position } from 'geojson';

export type BBox = [west: number, south: number, east: number, north: number];

export function bboxOf(geometry: Geometry): BBox | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (p: Position) => {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  };
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') visit(c as Position);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) walk('coordinates' in g ? g.coordinates : []);
  else walk(geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
