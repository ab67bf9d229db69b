// Shapes of the REST replies that have no TypeBox schema in shared/ (config and map layers).
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { SiteReadiness } from '@cw/shared/domain/site-categories';
import type { Basemap } from '@cw/shared/schemas/basemap';

export interface WallConfig {
  /** Epoch ms of the central office's re-assessment (复查测评). */
  assessmentDate: number;
  tickMs: number;
  center: [number, number];
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
  districts: { code: string; zh: string; en: string }[];
  /** The map under the project's own layers; absent or none: nothing under them. */
  basemap?: Basemap;
}

export interface DistrictProps {
  code: string;
  name: string;
  nameEn: string;
  /** True where the boundary is drawn from a description, not an official file (开发区). */
  approximate: boolean;
}

export interface StreetProps {
  code: string;
  name: string;
  districtCode: string;
  type: string;
  chief: string;
  approximate: boolean;
}

export interface CommunityProps {
  code: string;
  name: string;
  streetCode: string;
  districtCode: string;
  type: string;
  chief: string;
}

export interface CorridorProps {
  id: string;
  name: string;
  kind: 'corridor' | 'river';
  approximate: boolean;
}

export interface InspectionPointProps {
  id: string;
  code: string;
  name: string;
  category: string;
  street: string;
  community: string;
  district: string;
  readiness: SiteReadiness;
  demo: boolean;
}

/** A road section contracted to a unit (分包路段), where red-vest volunteers stand shifts. */
export interface RoadSectionProps {
  id: string;
  name: string;
  unit: string;
  street: string;
  district: string;
  approximate: boolean;
}

type Area = Polygon | MultiPolygon;
type Line = LineString | MultiLineString;

/** Each layer the server serves, with its geometry and properties. */
export interface LayerShapes {
  districts: [Area, DistrictProps];
  streets: [Area, StreetProps];
  communities: [Area, CommunityProps];
  corridors: [Line, CorridorProps];
  'corridor-zones': [Area, CorridorProps];
  'inspection-points': [Point, InspectionPointProps];
  'road-sections': [Line, RoadSectionProps];
}

export type LayerName = keyof LayerShapes;
export type LayerCollection<N extends LayerName> = FeatureCollection<LayerShapes[N][0], LayerShapes[N][1]>;
