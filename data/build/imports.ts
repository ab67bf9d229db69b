// Authoritative data that replaces the approximations, read by the build from data/imports/ when
// present (all files optional, WGS84):
//   districts.geojson, streets.geojson, communities.geojson  Polygon/MultiPolygon features with
//       properties.code (6/9/12 digits); they replace the drawn or generated outlines of those units,
//       and only the units not imported are still generated, in what the imported ones leave free.
//   corridors.geojson        LineStrings {id, name, kind: 'corridor'|'river', bufferMeters}
//   road-sections.geojson    LineStrings {id, name, unit}; street and district are looked up
//   inspection-points.csv or .geojson   name, category (S01…S38), lon, lat [, id, code, readiness];
//       street, community and district are looked up. Imported sites replace all demo sites.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_CATEGORY_BY_CODE, SITE_READINESS, type SiteReadiness } from '@cw/shared/domain/site-categories';
import type { Areal, Feature, FeatureCollection, LineString, Position } from './geojson-types.ts';
import { repairAreal } from './polygon-ops.ts';

export interface ImportedLine<P> { properties: P; coordinates: Position[] }

export interface ImportedSite {
  id?: string;
  code?: string;
  name: string;
  category: string;
  at: Position;
  readiness: SiteReadiness;
}

export interface Imports {
  /** Imported outlines by unit code (district, street or community). */
  outlines: Map<string, Areal>;
  corridors: ImportedLine<{ id: string; name: string; kind: 'corridor' | 'river'; bufferMeters: number; note?: string }>[] | null;
  roadSections: ImportedLine<{ id: string; name: string; unit: string }>[] | null;
  sites: ImportedSite[] | null;
  /** The files read, relative to data/. */
  files: string[];
}

export const NO_IMPORTS: Imports = { outlines: new Map(), corridors: null, roadSections: null, sites: null, files: [] };

export function loadImports(dataDir: string): Imports {
  const dir = join(dataDir, 'imports');
  const files: string[] = [];
  const readJson = <T>(name: string): T | null => {
    const path = join(dir, name);
    if (!existsSync(path)) return null;
    files.push(`imports/${name}`);
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  };

  const outlines = new Map<string, Areal>();
  for (const [name, digits] of [['districts.geojson', 6], ['streets.geojson', 9], ['communities.geojson', 12]] as const) {
    for (const f of readJson<FeatureCollection<Areal, { code?: unknown }>>(name)?.features ?? []) {
      const code = String(f.properties?.code ?? '');
      if (!new RegExp(`^\\d{${digits}}$`).test(code)) throw new Error(`imports/${name}: code must have ${digits} digits, got "${code}"`);
      if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') throw new Error(`imports/${name}: ${code} is not a polygon`);
      const g = repairAreal(f.geometry);
      if (!g) throw new Error(`imports/${name}: ${code} has no area`);
      outlines.set(code, g);
    }
  }

  const lines = <P>(name: string, required: string[]): ImportedLine<P>[] | null => {
    const fc = readJson<FeatureCollection<LineString, Record<string, unknown>>>(name);
    if (!fc) return null;
    return fc.features.map((f: Feature<LineString, Record<string, unknown>>, i) => {
      const missing = required.filter((k) => f.properties?.[k] === undefined || f.properties[k] === '');
      if (missing.length || f.geometry?.type !== 'LineString') throw new Error(`imports/${name}: feature ${i + 1} needs a LineString and ${missing.join(', ')}`);
      return { properties: f.properties as P, coordinates: f.geometry.coordinates };
    });
  };
  const corridors = lines<NonNullable<Imports['corridors']>[number]['properties']>('corridors.geojson', ['id', 'name', 'kind', 'bufferMeters']);
  for (const c of corridors ?? []) if (c.properties.kind !== 'corridor' && c.properties.kind !== 'river') throw new Error(`imports/corridors.geojson: ${c.properties.id} kind must be corridor or river`);
  const roadSections = lines<NonNullable<Imports['roadSections']>[number]['properties']>('road-sections.geojson', ['id', 'name', 'unit']);

  let rows: Record<string, unknown>[] | null = null;
  const csvPath = join(dir, 'inspection-points.csv');
  if (existsSync(csvPath)) {
    files.push('imports/inspection-points.csv');
    rows = parseCsv(readFileSync(csvPath, 'utf8'));
  } else {
    rows = readJson<FeatureCollection<{ type: 'Point'; coordinates: Position }, Record<string, unknown>>>('inspection-points.geojson')?.features.map((f) => ({
      ...f.properties,
      lon: f.geometry.coordinates[0],
      lat: f.geometry.coordinates[1],
    })) ?? null;
  }
  const sites = rows?.map((r, i) => siteFrom(r, i)) ?? null;

  return { outlines, corridors, roadSections, sites, files };
}

function siteFrom(r: Record<string, unknown>, i: number): ImportedSite {
  const where = `imported inspection point ${i + 1}`;
  const category = String(r.category ?? '');
  if (!SITE_CATEGORY_BY_CODE.has(category)) throw new Error(`${where}: unknown category "${category}"`);
  const lon = Number(r.lon), lat = Number(r.lat);
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`${where}: lon/lat missing`);
  const name = String(r.name ?? '').trim();
  if (!name) throw new Error(`${where}: name missing`);
  const readiness = (r.readiness ? String(r.readiness) : 'ready') as SiteReadiness;
  if (!SITE_READINESS.includes(readiness)) throw new Error(`${where}: readiness must be one of ${SITE_READINESS.join('/')}`);
  return { ...(r.id ? { id: String(r.id) } : {}), ...(r.code ? { code: String(r.code) } : {}), name, category, at: [lon, lat], readiness };
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) with a header row, into records. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((h, k) => [h.trim(), (cells[k] ?? '').trim()])));
}
