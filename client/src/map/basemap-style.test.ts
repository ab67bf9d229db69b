import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '@cw/shared/schemas/basemap';
import { baseStyle, Z } from './base-style.ts';

const ORIGIN = 'https://cw.zmd.example';

/** Every string in the style that looks like a URL (scheme://…). */
function urlsIn(style: StyleSpecification): string[] {
  return JSON.stringify(style).match(/[a-z][a-z0-9+.-]*:\/\/[^"]*/gi) ?? [];
}

function checked(basemap: Basemap): StyleSpecification {
  const style = baseStyle(basemap, ORIGIN);
  expect(validateStyleMin(style as never), JSON.stringify(basemap)).toEqual([]);
  expect(style).not.toHaveProperty('glyphs');
  expect(style).not.toHaveProperty('sprite');
  expect(style.layers.some((l) => l.type === 'symbol'), 'no label layers: they would need glyphs').toBe(false);
  // The basemap lies under every layer of the project's: between the background and the first anchor.
  const ids = style.layers.map((l) => l.id);
  const basemapIds = ids.filter((id) => id.startsWith('basemap'));
  expect(ids.slice(1, 1 + basemapIds.length)).toEqual(basemapIds);
  expect(ids.indexOf(Z.areas)).toBe(1 + basemapIds.length);
  return style;
}

describe('baseStyle with each basemap', () => {
  it('by default loads nothing: no URL of any kind anywhere in the style', () => {
    const style = checked({ kind: 'none' });
    expect(baseStyle()).toEqual(style);
    expect(urlsIn(style)).toEqual([]);
    expect(style.sources).toEqual({});
  });

  it('reads a raster PMTiles archive from this server only, dimmed', () => {
    const style = checked({ kind: 'pmtiles', path: '/api/v1/basemap.pmtiles', format: 'raster', minZoom: 0, maxZoom: 14, attribution: '© 市自然资源局' });
    expect(urlsIn(style)).toEqual([`pmtiles://${ORIGIN}/api/v1/basemap.pmtiles`]);
    expect(style.sources.basemap).toMatchObject({ type: 'raster', attribution: '© 市自然资源局' });
    const raster = style.layers.find((l) => l.type === 'raster')!;
    expect(raster.paint).toMatchObject({ 'raster-brightness-max': expect.any(Number), 'raster-saturation': expect.any(Number) });
    expect((raster.paint as Record<string, number>)['raster-brightness-max']).toBeLessThan(0.6);
  });

  it('styles a vector PMTiles archive dark, for the Protomaps and OpenMapTiles layer names', () => {
    const style = checked({ kind: 'pmtiles', path: '/api/v1/basemap.pmtiles', format: 'vector', minZoom: 0, maxZoom: 15, attribution: '© OpenStreetMap' });
    expect(urlsIn(style)).toEqual([`pmtiles://${ORIGIN}/api/v1/basemap.pmtiles`]);
    const sourceLayers = new Set(style.layers.map((l) => (l as { 'source-layer'?: string })['source-layer']).filter(Boolean));
    for (const name of ['water', 'roads', 'buildings', 'boundaries', 'transportation', 'building', 'boundary', 'waterway']) expect(sourceLayers).toContain(name);
  });

  it('takes a custom XYZ template as it is, raster or vector', () => {
    const tiles = 'https://tiles.gis.zmd.example/dark/{z}/{x}/{y}.png';
    const raster = checked({ kind: 'xyz', tiles, format: 'raster', maxZoom: 17, attribution: '市测绘院' });
    expect(urlsIn(raster)).toEqual([tiles]);
    expect(raster.sources.basemap).toMatchObject({ type: 'raster', tiles: [tiles], maxzoom: 17, tileSize: 256 });
    const vector = checked({ kind: 'xyz', tiles: 'http://10.1.2.3/t/{z}/{x}/{y}.pbf', format: 'vector', maxZoom: 14, attribution: '' });
    expect(vector.sources.basemap).toMatchObject({ type: 'vector', maxzoom: 14 });
  });

  it('stacks Tianditu’s annotation layer over its map layer, crediting once', () => {
    const t = (id: string) => [`https://t0.tianditu.gov.cn/${id}_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k`];
    const style = checked({ kind: 'tianditu', maxZoom: 18, attribution: '审图号：GS(2025)0000号', layers: [{ id: 'img', tiles: t('img') }, { id: 'cia', tiles: t('cia') }] });
    expect(style.layers.filter((l) => l.type === 'raster').map((l) => l.id)).toEqual(['basemap-img', 'basemap-cia']);
    expect(Object.values(style.sources).filter((s) => 'attribution' in s).length).toBe(1);
    expect(urlsIn(style).every((u) => u.startsWith('https://t0.tianditu.gov.cn/'))).toBe(true);
  });
});
