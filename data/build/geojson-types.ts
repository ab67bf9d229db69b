// The few GeoJSON (RFC 7946) shapes the data build writes. Declared here because the `geojson` type
// package is not a dependency of this workspace; they are structurally the same, so turf accepts them.
export type Position = number[];
export type Ring = Position[];

export interface Point { type: 'Point'; coordinates: Position }
export interface LineString { type: 'LineString'; coordinates: Position[] }
export interface Polygon { type: 'Polygon'; coordinates: Ring[] }
export interface MultiPolygon { type: 'MultiPolygon'; coordinates: Ring[][] }
export type Areal = Polygon | MultiPolygon;
export type Geometry = Point | LineString | Polygon | MultiPolygon;

export interface Feature<G extends Geometry = Geometry, P = Record<string, unknown>> {
  type: 'Feature';
  properties: P;
  geometry: G;
}

export interface FeatureCollection<G extends Geometry = Geometry, P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

/** Polygons of an areal geometry, each as its rings (outer first). */
export function polygonsOf(g: Areal): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function arealFrom(polygons: Ring[][]): Areal {
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}
