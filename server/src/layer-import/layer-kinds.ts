// What each layer must hold, read off what the server and the clients use: the identifying
// property, its code format, the parent it hangs from, and the geometry kind.
import type { LayerName } from '../geo/layers.ts';

export type GeometryKind = 'polygon' | 'line' | 'point';

export interface LayerKind {
  geometry: GeometryKind;
  /** Property that identifies a feature (unique within the layer). */
  key: 'code' | 'id';
  /** Digits of `code` (NBS division codes and unit-grid codes). */
  codeDigits?: number;
  required: readonly string[];
  /** Properties that must equal the first n digits of the code (the parent chain). */
  prefixes?: readonly [property: string, digits: number][];
  /** The property naming the parent feature, and the parent's layer. */
  parent?: { layer: LayerName; property: string };
  /** Features tile their parent (or the territory) without overlapping. */
  partition?: boolean;
  /** Properties filled from the live layers where absent (street, community, district). */
  placed?: boolean;
}

export const LAYER_KINDS: Record<LayerName, LayerKind> = {
  districts: { geometry: 'polygon', partition: true, key: 'code', codeDigits: 6, required: ['code', 'name'] },
  streets: {
    geometry: 'polygon', partition: true, key: 'code', codeDigits: 9, required: ['code', 'name', 'districtCode'],
    prefixes: [['districtCode', 6]], parent: { layer: 'districts', property: 'districtCode' },
  },
  communities: {
    geometry: 'polygon', partition: true, key: 'code', codeDigits: 12, required: ['code', 'name', 'streetCode', 'districtCode'],
    prefixes: [['streetCode', 9], ['districtCode', 6]], parent: { layer: 'streets', property: 'streetCode' },
  },
  grid: {
    geometry: 'polygon', partition: true, key: 'code', codeDigits: 16, required: ['code', 'community', 'street', 'district'],
    prefixes: [['community', 12], ['street', 9], ['district', 6]], parent: { layer: 'communities', property: 'community' },
  },
  corridors: { geometry: 'line', key: 'id', required: ['id', 'name', 'kind'] },
  'corridor-zones': { geometry: 'polygon', key: 'id', required: ['id', 'name'] },
  'inspection-points': { geometry: 'point', key: 'id', required: ['id', 'name', 'category'], placed: true },
  'road-sections': { geometry: 'line', key: 'id', required: ['id', 'name'], placed: true },
};

/** The layer whose features name this one as parent (grid → communities → streets → districts). */
export function childLayerOf(layer: LayerName): LayerName | null {
  for (const [name, kind] of Object.entries(LAYER_KINDS)) if (kind.parent?.layer === layer) return name as LayerName;
  return null;
}

export const SITE_CATEGORY = /^S(0[1-9]|[12]\d|3[0-8])$/;
