// A GeoJSON FeatureCollection (or one Feature, or a bare geometry). Strict UTF-8; a legacy `crs`
// member naming an EPSG code we take (4326, 4490, Gauss-Krüger) is honoured.
import { crsFromGeoJsonMember, type Crs } from './crs.ts';
import { unreadable } from './import-error.ts';
import type { RawFeature, RawGeometry } from './raw-feature.ts';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function asGeometry(g: unknown): RawGeometry | null {
  if (!g || typeof g !== 'object') return null;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  return { type: typeof type === 'string' ? type : 'unknown', coordinates };
}

function asFeature(f: unknown): RawFeature {
  if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
    return { geometry: { type: 'not-a-feature', coordinates: null }, properties: {} };
  }
  const { geometry, properties } = f as { geometry?: unknown; properties?: unknown };
  const props = properties && typeof properties === 'object' && !Array.isArray(properties) ? { ...(properties as Record<string, unknown>) } : {};
  return { geometry: asGeometry(geometry), properties: props };
}

export function readGeoJson(bytes: Uint8Array): { features: RawFeature[]; crs: Crs } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('GeoJSON 不是有效的 UTF-8 文本');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw unreadable(`GeoJSON 不是有效的 JSON：${(err as Error).message.slice(0, 200)}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw unreadable('GeoJSON 顶层应是 FeatureCollection 对象');
  const d = doc as { type?: unknown; features?: unknown; crs?: unknown };
  const crs = crsFromGeoJsonMember(d.crs);
  if (d.type === 'FeatureCollection') {
    if (!Array.isArray(d.features)) throw unreadable('FeatureCollection 缺少 features 数组');
    return { features: d.features.map(asFeature), crs };
  }
  if (d.type === 'Feature') return { features: [asFeature(d)], crs };
  if (typeof d.type === 'string' && GEOMETRY_TYPES.has(d.type)) return { features: [{ geometry: asGeometry(d), properties: {} }], crs };
  throw unreadable(`GeoJSON 的 type 应为 FeatureCollection（实为 ${JSON.stringify(String(d.type)).slice(0, 40)}）`);
}
