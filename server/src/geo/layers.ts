// The committed GeoJSON layers (data/*.geojson), read once at start. Served as-is to clients and
// indexed for lookups; a missing optional layer is an empty collection, a missing required one an error.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

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
}

export class LayersError extends Error {}

export function loadLayers(dir: string): LoadedLayers {
  const buffers = new Map<LayerName, Buffer>();
  for (const name of LAYER_NAMES) {
    const path = join(dir, `${name}.geojson`);
    if (!existsSync(path)) {
      if (REQUIRED.has(name)) throw new LayersError(`layer ${name} is missing: expected ${path} (run the data build)`);
      continue;
    }
    buffers.set(name, readFileSync(path));
  }
  return layersFromBuffers(buffers, (name) => join(dir, `${name}.geojson`));
}

/**
 * The layers from their GeoJSON bytes (from files, or from an imported version in the store). A
 * missing optional layer is an empty collection; a missing required one or a non-collection throws.
 */
export function layersFromBuffers(buffers: ReadonlyMap<LayerName, Buffer>, label: (name: LayerName) => string = (n) => n): LoadedLayers {
  const files = new Map<LayerName, LayerFile>();
  const parsed = new Map<LayerName, FeatureCollection>();
  for (const name of LAYER_NAMES) {
    const raw = buffers.get(name);
    if (!raw) {
      if (REQUIRED.has(name)) throw new LayersError(`layer ${name} is missing: expected ${label(name)}`);
      const empty = Buffer.from('{"type":"FeatureCollection","features":[]}');
      files.set(name, { raw: empty, etag: `"${name}-empty"` });
      parsed.set(name, { type: 'FeatureCollection', features: [] });
      continue;
    }
    const fc = JSON.parse(raw.toString('utf8')) as FeatureCollection;
    if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new LayersError(`${label(name)} is not a FeatureCollection`);
    files.set(name, { raw, etag: `"${name}-${raw.length}-${fnv1a(raw)}"` });
    parsed.set(name, fc);
  }
  return {
    files,
    districts: parsed.get('districts') as unknown as FeatureCollection<DistrictProps>,
    streets: parsed.get('streets') as unknown as FeatureCollection<StreetProps>,
    communities: parsed.get('communities') as unknown as FeatureCollection<CommunityProps>,
    grid: parsed.get('grid') as unknown as FeatureCollection<CellProps>,
  };
}

function fnv1a(buf: Buffer): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < buf.length; i += 7) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return (h >>> 0).toString(16);
}
