// A feature as a reader produced it: geometry and properties not yet checked against the layer.
export interface RawGeometry {
  type: string;
  coordinates: unknown;
}

export interface RawFeature {
  geometry: RawGeometry | null;
  properties: Record<string, unknown>;
}

/** Applies `fn` to every position of a geometry of a known type (fixed depth, so hostile nesting
 *  cannot recurse); positions that are not pairs of numbers are left for the validation to refuse. */
export function mapPositions(g: RawGeometry, fn: (x: number, y: number) => [number, number]): RawGeometry {
  const pos = (p: unknown): unknown => (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' ? fn(p[0], p[1]) : p);
  const list = (a: unknown, f: (x: unknown) => unknown): unknown => (Array.isArray(a) ? a.map(f) : a);
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[g.type];
  if (depth === undefined) return g;
  let f: (x: unknown) => unknown = pos;
  for (let d = 0; d < depth; d++) { const inner = f; f = (a) => list(a, inner); }
  return { type: g.type, coordinates: f(g.coordinates) };
}
