// Where a point falls in the grid chain (district → street → community), computed in the browser
// from the map's own layers, so the dispatcher sees where a new case will land before creating
// it. A preview only: the server locates the case itself (and adds the unit-grid cell).
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

type Area = Polygon | MultiPolygon;

export interface PlaceName {
  code: string;
  name: string;
}

export interface PlacePreview {
  district: PlaceName | null;
  street: PlaceName | null;
  community: PlaceName | null;
}

/** Ray casting over one ring; points on an edge may fall either way, which a preview can live with. */
function inRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(x: number, y: number, rings: readonly (readonly Position[])[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(x, y, outer) && !holes.some((h) => inRing(x, y, h));
}

export function containsPoint(geometry: Area, lon: number, lat: number): boolean {
  return geometry.type === 'Polygon'
    ? inPolygon(lon, lat, geometry.coordinates)
    : geometry.coordinates.some((p) => inPolygon(lon, lat, p));
}

type Named = { code: string; name: string };

function find<P extends Named>(features: readonly Feature<Area, P>[] | undefined, lon: number, lat: number): PlaceName | null {
  const hit = features?.find((f) => containsPoint(f.geometry, lon, lat));
  return hit ? { code: hit.properties.code, name: hit.properties.name } : null;
}

export function previewPlace(
  layers: {
    districts?: readonly Feature<Area, Named>[];
    streets?: readonly Feature<Area, Named>[];
    communities?: readonly Feature<Area, Named>[];
  },
  lon: number,
  lat: number,
): PlacePreview {
  return {
    district: find(layers.districts, lon, lat),
    street: find(layers.streets, lon, lat),
    community: find(layers.communities, lon, lat),
  };
}
