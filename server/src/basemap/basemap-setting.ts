// The basemap chosen by the environment (BASEMAP and its companions), checked at start, and what
// follows from it: the description the clients get, and the outside origins the CSP must allow.
import { resolve } from 'node:path';
import type { Basemap, TileFormat } from '@cw/shared/schemas/basemap';
import { readPmtilesHeader } from './pmtiles-header.ts';

export type BasemapSetting =
  | { kind: 'none' }
  | { kind: 'pmtiles'; file: string; format: TileFormat; minZoom: number; maxZoom: number; attribution: string }
  | { kind: 'xyz'; url: string; format: TileFormat; maxZoom: number; attribution: string }
  | { kind: 'tianditu'; key: string; layers: 'vec' | 'img'; maxZoom: number; attribution: string };

/** Where clients read the archive: an API path, so it is authenticated like the other map data. */
export const PMTILES_PATH = '/api/v1/basemap.pmtiles';

const TIANDITU_HOSTS = Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`);
const TIANDITU_DEFAULT_ATTRIBUTION = '天地图 · 国家地理信息公共服务平台';

function maxZoom(env: NodeJS.ProcessEnv, def: number, problems: string[]): number {
  const raw = env.BASEMAP_MAX_ZOOM;
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 24) {
    problems.push(`BASEMAP_MAX_ZOOM must be an integer in 0..24, got "${raw}"`);
    return def;
  }
  return n;
}

function attribution(env: NodeJS.ProcessEnv, def: string, problems: string[]): string {
  const text = env.BASEMAP_ATTRIBUTION ?? def;
  // Shown as text beside the map; markup is refused rather than escaped so what the operator wrote is what shows.
  if (/[<>]/.test(text) || text.length > 300) problems.push('BASEMAP_ATTRIBUTION must be plain text (no < or >), at most 300 characters');
  return text;
}

/** Reads BASEMAP and its companions; pushes one message per problem. `cwd` resolves a relative file path. */
export function basemapFromEnv(env: NodeJS.ProcessEnv, problems: string[], cwd = process.cwd()): BasemapSetting {
  const kind = env.BASEMAP || 'none';
  switch (kind) {
    case 'none':
      return { kind };
    case 'pmtiles': {
      const raw = env.BASEMAP_PMTILES;
      if (!raw) {
        problems.push('BASEMAP=pmtiles needs BASEMAP_PMTILES, the path of a .pmtiles (v3) file');
        return { kind: 'none' };
      }
      const file = resolve(cwd, raw);
      try {
        const h = readPmtilesHeader(file);
        return { kind, file, format: h.format, minZoom: h.minZoom, maxZoom: h.maxZoom, attribution: attribution(env, '', problems) };
      } catch (err) {
        problems.push(`BASEMAP_PMTILES: ${(err as Error).message}`);
        return { kind: 'none' };
      }
    }
    case 'xyz': {
      const url = env.BASEMAP_XYZ_URL ?? '';
      let ok = false;
      try {
        const u = new URL(url.replaceAll('{', '%7B').replaceAll('}', '%7D'));
        ok = u.protocol === 'https:' || u.protocol === 'http:';
      } catch { /* reported below */ }
      if (!ok || !['{z}', '{x}', '{y}'].every((p) => url.includes(p))) {
        problems.push(`BASEMAP_XYZ_URL must be an http(s) URL with {z}, {x} and {y}, got "${url}"`);
      }
      const format = env.BASEMAP_XYZ_TYPE || 'raster';
      if (format !== 'raster' && format !== 'vector') problems.push(`BASEMAP_XYZ_TYPE must be raster or vector, got "${format}"`);
      return { kind, url, format: format === 'vector' ? 'vector' : 'raster', maxZoom: maxZoom(env, 18, problems), attribution: attribution(env, '', problems) };
    }
    case 'tianditu': {
      const key = env.TIANDITU_KEY ?? '';
      if (!/^[A-Za-z0-9]{16,64}$/.test(key)) problems.push('BASEMAP=tianditu needs TIANDITU_KEY, the key of a Tianditu browser application (letters and digits)');
      const layers = env.TIANDITU_LAYERS || 'vec';
      if (layers !== 'vec' && layers !== 'img') problems.push(`TIANDITU_LAYERS must be vec (map: vec_w + cva_w) or img (imagery: img_w + cia_w), got "${layers}"`);
      return {
        kind, key, layers: layers === 'img' ? 'img' : 'vec',
        maxZoom: maxZoom(env, 18, problems), attribution: attribution(env, TIANDITU_DEFAULT_ATTRIBUTION, problems),
      };
    }
    default:
      problems.push(`BASEMAP must be none, pmtiles, xyz or tianditu, got "${kind}"`);
      return { kind: 'none' };
  }
}

/** A Tianditu WMTS GetTile template for a Web Mercator (`_w`) layer, spread over its eight hosts. */
function tiandituTiles(layer: string, key: string): string[] {
  return TIANDITU_HOSTS.map((host) => `${host}/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
    `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`);
}

/** What the clients need to draw the basemap (GET /api/v1/config). */
export function clientBasemap(s: BasemapSetting): Basemap {
  switch (s.kind) {
    case 'none':
      return { kind: 'none' };
    case 'pmtiles':
      return { kind: 'pmtiles', path: PMTILES_PATH, format: s.format, minZoom: s.minZoom, maxZoom: s.maxZoom, attribution: s.attribution };
    case 'xyz':
      return { kind: 'xyz', tiles: s.url, format: s.format, maxZoom: s.maxZoom, attribution: s.attribution };
    case 'tianditu': {
      const [base, labels] = s.layers === 'img' ? ['img', 'cia'] : ['vec', 'cva'];
      return {
        kind: 'tianditu', maxZoom: s.maxZoom, attribution: s.attribution,
        layers: [base, labels].map((id) => ({ id, tiles: tiandituTiles(id, s.key) })),
      };
    }
  }
}

/** Origins outside this server the browser must be allowed to load tiles from (CSP connect-src and img-src). */
export function basemapOrigins(s: BasemapSetting): string[] {
  if (s.kind === 'tianditu') return TIANDITU_HOSTS;
  if (s.kind === 'xyz') return [new URL(s.url.replaceAll('{', '%7B').replaceAll('}', '%7D')).origin];
  return [];
}
