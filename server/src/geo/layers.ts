// The committed GeoJSON layers (data/*.geojson), read once at start. Served as-is to clients and
// indexed for lookups; a missing optional layer is an empty collection, a missing required one an error.
// The unit grid, by far the largest, comes from its binary cache when there is one for its bytes
// (grid-cache.ts), with its cell index ready; otherwise it is parsed and the cache written.
import { readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AreaIndex } from './area-index.ts';
import { contentHash, readGridCache, writeGridCache, type CachedGrid } from './grid-cache.ts';

export const LAYER_NAMES = [
  'districts', 'streets', 'communities', 'grid', 'corridors', 'corridor-zones', 'inspection-points', 'road-sections',
] as const;
export type LayerName = (typeof LAYER_NAMES)[number];
const REQUIRED: ReadonlySet<LayerName> = new Set(['districts', 'streets', 'communities', 'grid']);

export interface Feature<P = Record<string, unknown>> {
  type: 'Feature';
  id?: string | number;
  properties: P;
  geometry: { type: string; coordinates: unknown };
}
export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export interface DistrictProps { code: string; name: string; nameEn?: string; approximate?: boolean }
export interface StreetProps { code: string; name: string; districtCode: string; type: string; chief: string }
export interface CommunityProps { code: string; name: string; streetCode: string; districtCode: string; type: string; chief: string }
export interface CellProps { code: string; community: string; street: string; district: string; areaM2: number; owner: string }

export interface LayerFile {
  /** The file's bytes, served unchanged with an ETag. */
  raw: Buffer;
  etag: string;
}

export interface LoadedLayers {
  files: Map<LayerName, LayerFile>;
  districts: FeatureCollection<DistrictProps>;
  streets: FeatureCollection<StreetProps>;
  communities: FeatureCollection<CommunityProps>;
  grid: FeatureCollection<CellProps>;
  /** The unit cells' lookup index, built with the layers (from the binary cache when there is one). */
  cellIndex?: AreaIndex<CellProps>;
}

/** Where grid caches go unless told otherwise: content-addressed, so every server and test can share it. */
export const DEFAULT_LAYER_CACHE_DIR = join(tmpdir(), 'cw-layer-cache');

/** The grid and cell index made from each buffer: start reads the same committed bytes more than
 *  once (files, then layers with the imported versions), and they are read-only once built. */
const gridsRead = new WeakMap<Buffer, CachedGrid>();

export class LayersError extends Error {}

export function loadLayers(dir: string, cacheDir: string | null = DEFAULT_LAYER_CACHE_DIR): LoadedLayers {
  const buffers = new Map<LayerName, Buffer>();
  for (const name of LAYER_NAMES) {
    const path = join(dir, `${name}.geojson`);
    if (!existsSync(path)) {
      if (REQUIRED.has(name)) throw new LayersError(`layer ${name} is missing: expected ${path} (run the data build)`);
      continue;
    }
    buffers.set(name, readFileSync(path));
  }
  return layersFromBuffers(buffers, (name) => join(dir, `${name}.geojson`), cacheDir);
}

/**
 * The layers from their GeoJSON bytes (from files, or from an imported version in the store). A
 * missing optional layer is an empty collection; a missing required one or a non-collection throws.
 */
export function layersFromBuffers(
  buffers: ReadonlyMap<LayerName, Buffer>, label: (name: LayerName) => string = (n) => n, cacheDir: string | null = DEFAULT_LAYER_CACHE_DIR,
): LoadedLayers {
  const files = new Map<LayerName, LayerFile>();
  const parsed = new Map<LayerName, FeatureCollection>();
  let cellIndex: AreaIndex<CellProps> | undefined;
  for (const name of LAYER_NAMES) {
    const raw = buffers.get(name);
    if (!raw) {
      if (REQUIRED.has(name)) throw new LayersError(`layer ${name} is missing: expected ${label(name)}`);
      const empty = Buffer.from('{"type":"FeatureCollection","features":[]}');
      files.set(name, { raw: empty, etag: `"${name}-empty"` });
      parsed.set(name, { type: 'FeatureCollection', features: [] });
      continue;
    }
    files.set(name, { raw, etag: `"${name}-${raw.length}-${contentHash(raw).slice(0, 16)}"` });
    const cached = name === 'grid' ? gridsRead.get(raw) ?? (cacheDir ? readGridCache(cacheDir, raw) : null) : null;
    if (cached) {
      gridsRead.set(raw, cached);
      parsed.set(name, cached.grid as unknown as FeatureCollection);
      cellIndex = cached.cells;
      continue;
    }
    const fc = JSON.parse(raw.toString('utf8')) as FeatureCollection;
    if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new LayersError(`${label(name)} is not a FeatureCollection`);
    parsed.set(name, fc);
    if (name === 'grid') {
      const grid = fc as unknown as FeatureCollection<CellProps>;
      cellIndex = new AreaIndex(grid.features);
      if (cacheDir) writeGridCache(cacheDir, raw, grid, cellIndex);
      gridsRead.set(raw, { grid, cells: cellIndex });
    }
  }
  return {
    files,
    districts: parsed.get('districts') as unknown as FeatureCollection<DistrictProps>,
    streets: parsed.get('streets') as unknown as FeatureCollection<StreetProps>,
    communities: parsed.get('communities') as unknown as FeatureCollection<CommunityProps>,
    grid: parsed.get('grid') as unknown as FeatureCollection<CellProps>,
    cellIndex,
  };
}
