// The unit grid over the whole of 驿城区 at 100 m (~142k cells; the committed grid covers the
// 街道 only). Taken from data/.full/grid-full.geojson when `pnpm --filter @cw/data build --full-grid`
// made it; otherwise built here with the data build's own buildUnitGrid from the committed
// communities, once, and kept in the OS temp dir (keyed by the inputs' contents).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUnitGrid, type GridCommunity } from '../../data/build/unit-grid.ts';
import { featureCollection, serializeCollection } from '../../data/build/geojson-output.ts';
import type { Areal } from '../../data/build/geojson-types.ts';
import { repoRoot } from './servers.ts';

const dataDir = join(repoRoot, 'data');
const built = join(dataDir, '.full', 'grid-full.geojson');

interface CommunityFeature {
  properties: { code: string; name: string; type: string; streetCode: string; districtCode: string };
  geometry: Areal;
}

function inputsKey(): string {
  const h = createHash('sha1');
  h.update(readFileSync(join(dataDir, 'communities.geojson')));
  for (const f of readdirSync(join(dataDir, 'build')).sort()) if (f.endsWith('.ts') && !f.endsWith('.test.ts')) h.update(readFileSync(join(dataDir, 'build', f)));
  return h.digest('hex').slice(0, 12);
}

/** Path of the whole-district grid GeoJSON, building it if needed (~5–10 s, once). */
export function fullGridFile(log: (m: string) => void): string {
  if (existsSync(built)) return built;
  const dir = join(tmpdir(), 'cw-bench');
  const file = join(dir, `grid-full-${inputsKey()}.geojson`);
  if (existsSync(file)) return file;
  const t0 = performance.now();
  const communities = (JSON.parse(readFileSync(join(dataDir, 'communities.geojson'), 'utf8')) as { features: CommunityFeature[] }).features;
  const input: GridCommunity[] = communities.map((c) => ({
    code: c.properties.code,
    streetCode: c.properties.streetCode,
    districtCode: c.properties.districtCode,
    // As the data build names it (name + type, e.g. 中山街社区居委会).
    owner: `${c.properties.name}${c.properties.type}`,
    geometry: c.geometry,
  }));
  const grid = buildUnitGrid(input, () => true);
  const features = grid.cells.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, properties, geometry }));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${file}.tmp`, serializeCollection(featureCollection(features)));
  renameSync(`${file}.tmp`, file);
  log(`  built the whole-district grid: ${grid.stats.cells} cells in ${((performance.now() - t0) / 1000).toFixed(1)} s (cached in ${dir})`);
  return file;
}

/** A LAYERS_DIR holding the committed layers with the whole-district grid as grid.geojson. */
export function fullGridLayersDir(log: (m: string) => void): string {
  const grid = fullGridFile(log);
  const dir = join(tmpdir(), 'cw-bench', `layers-${createHash('sha1').update(grid).digest('hex').slice(0, 8)}-${inputsKey()}`);
  if (existsSync(dir)) return dir;
  mkdirSync(`${dir}.tmp`, { recursive: true });
  for (const f of readdirSync(dataDir)) {
    if (f.endsWith('.geojson') && f !== 'grid.geojson') symlinkSync(join(dataDir, f), join(`${dir}.tmp`, f));
  }
  symlinkSync(grid, join(`${dir}.tmp`, 'grid.geojson'));
  renameSync(`${dir}.tmp`, dir);
  return dir;
}
