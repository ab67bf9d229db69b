// Layers and cases written out for the city's GIS and for Excel: GeoJSON as the layers are served,
// CSV with every property, a representative lon/lat and the geometry as WKT. Produced line by line
// (generators), so a route can stream them instead of building one giant string.
import { csvField, type CsvCell } from '../review/csv.ts';
import type { Case } from '@cw/shared/schemas/cases';

type Pos = number[];
interface Geometry { type: string; coordinates: unknown }
interface Feature { properties: Record<string, unknown> | null; geometry: Geometry | null }

export const CSV_BOM = '\uFEFF';
const line = (cells: readonly CsvCell[]) => `${cells.map(csvField).join(',')}\r\n`;
const num = (v: number) => String(Math.round(v * 1e7) / 1e7);
const ring = (r: Pos[]) => `(${r.map((p) => `${num(p[0]!)} ${num(p[1]!)}`).join(', ')})`;

export function toWkt(g: Geometry | null): string {
  if (!g) return '';
  switch (g.type) {
    case 'Point': { const p = g.coordinates as Pos; return `POINT (${num(p[0]!)} ${num(p[1]!)})`; }
    case 'LineString': return `LINESTRING ${ring(g.coordinates as Pos[])}`;
    case 'MultiLineString': return `MULTILINESTRING (${(g.coordinates as Pos[][]).map(ring).join(', ')})`;
    case 'Polygon': return `POLYGON (${(g.coordinates as Pos[][]).map(ring).join(', ')})`;
    case 'MultiPolygon': return `MULTIPOLYGON (${(g.coordinates as Pos[][][]).map((p) => `(${p.map(ring).join(', ')})`).join(', ')})`;
    default: return '';
  }
}

/** The point itself, or the mean of the outer ring's corners (a line's vertices): where a row sits on a map. */
export function representativePoint(g: Geometry | null): [number, number] | null {
  if (!g) return null;
  let pts: Pos[];
  switch (g.type) {
    case 'Point': return [(g.coordinates as Pos)[0]!, (g.coordinates as Pos)[1]!];
    case 'LineString': pts = g.coordinates as Pos[]; break;
    case 'MultiLineString': case 'Polygon': pts = (g.coordinates as Pos[][])[0]!; break;
    case 'MultiPolygon': pts = (g.coordinates as Pos[][][])[0]![0]!; break;
    default: return null;
  }
  const corners = g.type === 'Polygon' || g.type === 'MultiPolygon' ? pts.slice(0, -1) : pts;
  if (!corners.length) return null;
  return [corners.reduce((a, p) => a + p[0]!, 0) / corners.length, corners.reduce((a, p) => a + p[1]!, 0) / corners.length];
}

const cell = (v: unknown): CsvCell => (v === null || v === undefined ? null : typeof v === 'number' ? v : typeof v === 'string' ? v : String(v));

export function* layerCsv(features: readonly Feature[]): Generator<string> {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) if (!seen.has(k)) { seen.add(k); keys.push(k); }
  yield CSV_BOM + line([...keys, 'lon', 'lat', 'wkt']);
  for (const f of features) {
    const p = representativePoint(f.geometry);
    yield line([...keys.map((k) => cell(f.properties?.[k])), p ? Number(num(p[0])) : null, p ? Number(num(p[1])) : null, toWkt(f.geometry)]);
  }
}

export const CASE_COLUMNS = [
  'code', 'state', 'category', 'item', 'unit', 'priority', 'source', 'lon', 'lat', 'cell', 'community', 'street', 'district',
  'description', 'address', 'reporter', 'patrolId', 'createdAt', 'updatedAt', 'deadlineAt', 'closedAt', 'overdue', 'escalation',
] as const;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function caseCsvHeader(): string {
  return CSV_BOM + line([...CASE_COLUMNS]);
}

export function caseCsvRow(c: Case): string {
  return line(CASE_COLUMNS.map((k): CsvCell => {
    const v = c[k];
    if (k === 'createdAt' || k === 'updatedAt' || k === 'deadlineAt' || k === 'closedAt') return iso(v as number | null);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return cell(v);
  }));
}

export function caseFeature(c: Case): string {
  const { lon, lat, photos, ...rest } = c;
  return JSON.stringify({ type: 'Feature', id: c.id, properties: { ...rest, photos: photos.length }, geometry: { type: 'Point', coordinates: [lon, lat] } });
}
