import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { basemapFromEnv, basemapOrigins, clientBasemap } from './basemap-setting.ts';

const dir = mkdtempSync(join(tmpdir(), 'cw-basemap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file with a PMTiles v3 header of the given tile type and zooms, and some bytes after it. */
function archive(name: string, tileType = 2, minZoom = 3, maxZoom = 14, version = 3): string {
  const h = Buffer.alloc(300);
  h.write('PMTiles', 0, 'latin1');
  h[7] = version;
  h[99] = tileType;
  h[100] = minZoom;
  h[101] = maxZoom;
  const file = join(dir, name);
  writeFileSync(file, h);
  return file;
}

function problemsOf(env: Record<string, string>): string[] {
  const problems: string[] = [];
  basemapFromEnv(env, problems, dir);
  return problems;
}

describe('basemap configuration', () => {
  it('is none by default, with nothing for the CSP to allow', () => {
    const c = loadConfig({ DEMO: '1' });
    expect(c.basemap).toEqual({ kind: 'none' });
    expect(clientBasemap(c.basemap)).toEqual({ kind: 'none' });
    expect(basemapOrigins(c.basemap)).toEqual([]);
  });

  it('reads a PMTiles v3 archive’s format and zooms from its header, relative paths from the working directory', () => {
    archive('raster.pmtiles', 2, 3, 14);
    archive('vector.pmtiles', 1, 0, 15);
    const problems: string[] = [];
    const raster = basemapFromEnv({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: 'raster.pmtiles', BASEMAP_ATTRIBUTION: '© 驻马店市自然资源和规划局' }, problems, dir);
    expect(problems).toEqual([]);
    expect(raster).toMatchObject({ kind: 'pmtiles', file: join(dir, 'raster.pmtiles'), format: 'raster', minZoom: 3, maxZoom: 14 });
    expect(clientBasemap(raster)).toEqual({ kind: 'pmtiles', path: '/api/v1/basemap.pmtiles', format: 'raster', minZoom: 3, maxZoom: 14, attribution: '© 驻马店市自然资源和规划局' });
    expect(basemapOrigins(raster)).toEqual([]);
    expect(basemapFromEnv({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: join(dir, 'vector.pmtiles') }, problems, '/')).toMatchObject({ format: 'vector', maxZoom: 15 });
  });

  it('refuses a missing, short, foreign or wrong-version archive with a message naming the file', () => {
    writeFileSync(join(dir, 'short.pmtiles'), 'PMTiles');
    writeFileSync(join(dir, 'foreign.mbtiles'), Buffer.alloc(200, 'SQLite format 3'));
    archive('v2.pmtiles', 2, 0, 10, 2);
    archive('odd-type.pmtiles', 9);
    archive('zooms.pmtiles', 2, 12, 4);
    expect(problemsOf({ BASEMAP: 'pmtiles' })).toEqual([expect.stringMatching(/needs BASEMAP_PMTILES/)]);
    expect(problemsOf({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: 'absent.pmtiles' })).toEqual([expect.stringMatching(/cannot read .*absent\.pmtiles/)]);
    expect(problemsOf({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: '.' })).toEqual([expect.stringMatching(/not a regular file/)]);
    expect(problemsOf({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: 'short.pmtiles' })).toEqual([expect.stringMatching(/shorter than a PMTiles header/)]);
    expect(problemsOf({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: 'foreign.mbtiles' })).toEqual([expect.stringMatching(/not a PMTiles archive/)]);
    expect(problemsOf({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: 'v2.pmtiles' })).toEqual([expect.stringMatching(/version 2; only version 3/)]);
    expect(problemsOf({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: 'odd-type.pmtiles' })).toEqual([expect.stringMatching(/tile type 9/)]);
    expect(problemsOf({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: 'zooms.pmtiles' })).toEqual([expect.stringMatching(/min zoom 12 above max zoom 4/)]);
  });

  it('takes a custom XYZ template with {z}/{x}/{y} and allows its origin only', () => {
    const problems: string[] = [];
    const s = basemapFromEnv({ BASEMAP: 'xyz', BASEMAP_XYZ_URL: 'https://tiles.gis.zmd.example:8443/dark/{z}/{x}/{y}.png', BASEMAP_MAX_ZOOM: '17', BASEMAP_ATTRIBUTION: '市测绘院' }, problems);
    expect(problems).toEqual([]);
    expect(clientBasemap(s)).toEqual({ kind: 'xyz', tiles: 'https://tiles.gis.zmd.example:8443/dark/{z}/{x}/{y}.png', format: 'raster', maxZoom: 17, attribution: '市测绘院' });
    expect(basemapOrigins(s)).toEqual(['https://tiles.gis.zmd.example:8443']);
    expect(basemapFromEnv({ BASEMAP: 'xyz', BASEMAP_XYZ_URL: 'http://10.1.2.3/t/{z}/{x}/{y}.pbf', BASEMAP_XYZ_TYPE: 'vector' }, problems)).toMatchObject({ format: 'vector', maxZoom: 18 });
    expect(problems).toEqual([]);
  });

  it('refuses an XYZ template without {z}/{x}/{y}, not http(s), or of an unknown type', () => {
    expect(problemsOf({ BASEMAP: 'xyz' })).toEqual([expect.stringMatching(/BASEMAP_XYZ_URL must be an http\(s\) URL with \{z\}, \{x\} and \{y\}/)]);
    expect(problemsOf({ BASEMAP: 'xyz', BASEMAP_XYZ_URL: 'https://t.example/{z}/{x}.png' })).toHaveLength(1);
    expect(problemsOf({ BASEMAP: 'xyz', BASEMAP_XYZ_URL: 'file:///tiles/{z}/{x}/{y}.png' })).toHaveLength(1);
    expect(problemsOf({ BASEMAP: 'xyz', BASEMAP_XYZ_URL: 'https://t.example/{z}/{x}/{y}', BASEMAP_XYZ_TYPE: 'svg' })).toEqual([expect.stringMatching(/BASEMAP_XYZ_TYPE/)]);
    expect(problemsOf({ BASEMAP: 'xyz', BASEMAP_XYZ_URL: 'https://t.example/{z}/{x}/{y}', BASEMAP_MAX_ZOOM: '30' })).toEqual([expect.stringMatching(/BASEMAP_MAX_ZOOM/)]);
    expect(problemsOf({ BASEMAP: 'xyz', BASEMAP_XYZ_URL: 'https://t.example/{z}/{x}/{y}', BASEMAP_ATTRIBUTION: '<script>' })).toEqual([expect.stringMatching(/plain text/)]);
  });

  it('builds Tianditu Web Mercator layers with the key, over t0–t7, and needs a key', () => {
    const key = '0123456789abcdef0123456789abcdef';
    const problems: string[] = [];
    const vec = clientBasemap(basemapFromEnv({ BASEMAP: 'tianditu', TIANDITU_KEY: key }, problems));
    const img = clientBasemap(basemapFromEnv({ BASEMAP: 'tianditu', TIANDITU_KEY: key, TIANDITU_LAYERS: 'img', BASEMAP_ATTRIBUTION: '审图号：GS(2025)0000号' }, problems));
    expect(problems).toEqual([]);
    if (vec.kind !== 'tianditu' || img.kind !== 'tianditu') throw new Error('not tianditu');
    expect(vec.layers.map((l) => l.id)).toEqual(['vec', 'cva']);
    expect(img.layers.map((l) => l.id)).toEqual(['img', 'cia']);
    expect(img.attribution).toBe('审图号：GS(2025)0000号');
    expect(vec.layers[1]!.tiles).toHaveLength(8);
    expect(vec.layers[1]!.tiles[7]).toBe(`https://t7.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`);
    expect(basemapOrigins(basemapFromEnv({ BASEMAP: 'tianditu', TIANDITU_KEY: key }, problems))).toEqual(Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`));
    expect(problemsOf({ BASEMAP: 'tianditu' })).toEqual([expect.stringMatching(/needs TIANDITU_KEY/)]);
    expect(problemsOf({ BASEMAP: 'tianditu', TIANDITU_KEY: 'abc&x=<y>' })).toEqual([expect.stringMatching(/TIANDITU_KEY/)]);
    expect(problemsOf({ BASEMAP: 'tianditu', TIANDITU_KEY: key, TIANDITU_LAYERS: 'ter' })).toEqual([expect.stringMatching(/TIANDITU_LAYERS/)]);
  });

  it('stops the server at start with every basemap problem named', () => {
    expect(() => loadConfig({ DEMO: '1', BASEMAP: 'google' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEMO: '1', BASEMAP: 'google' })).toThrow(/BASEMAP must be none, pmtiles, xyz or tianditu, got "google"/);
    expect(() => loadConfig({ DEMO: '1', BASEMAP: 'tianditu', PORT: 'x' })).toThrow(/PORT[\s\S]*TIANDITU_KEY/);
  });
});
