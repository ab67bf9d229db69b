// Reads the committed layers, typed, for the tests beside them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Areal, FeatureCollection, LineString, Point, Polygon } from './build/geojson-types.ts';
import type { CommunityProps, DistrictProps, StreetProps } from './build/admin-layers.ts';
import type { UnitGridCell } from './build/unit-grid.ts';
import type { WaterwayProps, ZoneProps } from './build/waterways.ts';
import type { InspectionPointProps } from './build/inspection-points.ts';
import type { RoadSectionProps } from './build/road-sections.ts';
import type { Manifest } from './build/manifest.ts';

export const DATA_DIR = import.meta.dirname;

const read = <T>(file: string): T => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;

export const readDistricts = () => read<FeatureCollection<Areal, DistrictProps>>('districts.geojson');
export const readStreets = () => read<FeatureCollection<Areal, StreetProps>>('streets.geojson');
export const readCommunities = () => read<FeatureCollection<Areal, CommunityProps>>('communities.geojson');
export const readGrid = () => read<FeatureCollection<Polygon, Omit<UnitGridCell, 'geometry'>>>('grid.geojson');
export const readCorridors = () => read<FeatureCollection<LineString, WaterwayProps>>('corridors.geojson');
export const readCorridorZones = () => read<FeatureCollection<Polygon, ZoneProps>>('corridor-zones.geojson');
export const readInspectionPoints = () => read<FeatureCollection<Point, InspectionPointProps>>('inspection-points.geojson');
export const readRoadSections = () => read<FeatureCollection<LineString, RoadSectionProps>>('road-sections.geojson');
export const readManifest = () => read<Manifest>('manifest.json');
