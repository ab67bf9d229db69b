// The basemap's sources and layers, drawn under every layer of the project's own, dimmed for the
// dark wall. Vector tiles get a minimal dark style of the layers Protomaps and OpenMapTiles
// schemas share (water, land use, roads, buildings, boundaries) and no labels: labels would need
// glyphs, and nothing here may load glyphs or sprites from anywhere.
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '@cw/shared/schemas/basemap';

export const BASEMAP_SOURCE = 'basemap';

export interface BasemapStyle {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  /** Text to show beside the map, or '' when nothing needs crediting. */
  attribution: string;
}

/** Satellite or street tiles are made for daylight screens; these keep them behind the wall's own colours. */
const DIM_RASTER = { 'raster-brightness-max': 0.45, 'raster-saturation': -0.55, 'raster-contrast': -0.1, 'raster-opacity': 0.9 } as const;
/** Annotation tiles (Tianditu cva/cia: the place names) stay readable. */
const DIM_LABELS = { 'raster-brightness-max': 0.8, 'raster-saturation': -0.4, 'raster-opacity': 0.85 } as const;

const DARK = {
  water: '#0a2236',
  green: '#0a1a1c',
  urban: '#0b1424',
  building: '#111c2e',
  minorRoad: '#16263b',
  majorRoad: '#21354f',
  boundary: '#2b3e57',
} as const;

/** Which source layer holds a theme, in the Protomaps basemap schema and in OpenMapTiles. */
const THEMES = {
  landcover: ['landcover', 'landcover'],
  landuse: ['landuse', 'landuse'],
  water: ['water', 'water'],
  waterway: ['water', 'waterway'],
  roads: ['roads', 'transportation'],
  buildings: ['buildings', 'building'],
  boundaries: ['boundaries', 'boundary'],
} as const;

const MAJOR = ['highway', 'major_road', 'motorway', 'trunk', 'primary', 'secondary'];

function vectorLayers(source: string): LayerSpecification[] {
  const out: LayerSpecification[] = [];
  const both = (theme: keyof typeof THEMES, make: (sourceLayer: string, schema: 'pm' | 'omt') => LayerSpecification | null) => {
    const [pm, omt] = THEMES[theme];
    const a = make(pm, 'pm');
    const b = omt === pm ? null : make(omt, 'omt');
    if (a) out.push(a);
    if (b) out.push(b);
  };
  both('landcover', (sl, s) => ({ id: `basemap-${s}-landcover`, type: 'fill', source, 'source-layer': sl, paint: { 'fill-color': DARK.green, 'fill-opacity': 0.8 } }));
  both('landuse', (sl, s) => ({ id: `basemap-${s}-landuse`, type: 'fill', source, 'source-layer': sl, paint: { 'fill-color': DARK.urban, 'fill-opacity': 0.7 } }));
  both('water', (sl, s) => ({ id: `basemap-${s}-water`, type: 'fill', source, 'source-layer': sl, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': DARK.water } }));
  both('waterway', (sl, s) => ({ id: `basemap-${s}-waterway`, type: 'line', source, 'source-layer': sl, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': DARK.water, 'line-width': 1.2 } }));
  both('buildings', (sl, s) => ({ id: `basemap-${s}-buildings`, type: 'fill', source, 'source-layer': sl, minzoom: 14, paint: { 'fill-color': DARK.building, 'fill-opacity': 0.8 } }));
  both('roads', (sl, s) => ({
    id: `basemap-${s}-roads`, type: 'line', source, 'source-layer': sl,
    paint: {
      'line-color': ['match', ['get', s === 'pm' ? 'kind' : 'class'], MAJOR, DARK.majorRoad, DARK.minorRoad],
      'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.4, 14, 1.5, 18, 6],
    },
  }));
  both('boundaries', (sl, s) => ({ id: `basemap-${s}-boundaries`, type: 'line', source, 'source-layer': sl, paint: { 'line-color': DARK.boundary, 'line-width': 0.8, 'line-dasharray': [3, 2] } }));
  return out;
}

function rasterLayer(id: string, source: string, paint: Record<string, number>): LayerSpecification {
  return { id, type: 'raster', source, paint };
}

/** Sources and layers for the configured basemap; `origin` makes this server's own paths absolute. */
export function basemapStyle(basemap: Basemap, origin: string): BasemapStyle {
  switch (basemap.kind) {
    case 'none':
      return { sources: {}, layers: [], attribution: '' };
    case 'pmtiles': {
      const url = `pmtiles://${origin}${basemap.path}`;
      const source: SourceSpecification = basemap.format === 'vector'
        ? { type: 'vector', url, attribution: basemap.attribution }
        : { type: 'raster', url, tileSize: 256, attribution: basemap.attribution };
      const layers = basemap.format === 'vector' ? vectorLayers(BASEMAP_SOURCE) : [rasterLayer('basemap-raster', BASEMAP_SOURCE, DIM_RASTER)];
      return { sources: { [BASEMAP_SOURCE]: source }, layers, attribution: basemap.attribution };
    }
    case 'xyz': {
      const common = { tiles: [basemap.tiles], maxzoom: basemap.maxZoom, attribution: basemap.attribution };
      const source: SourceSpecification = basemap.format === 'vector' ? { type: 'vector', ...common } : { type: 'raster', tileSize: 256, ...common };
      const layers = basemap.format === 'vector' ? vectorLayers(BASEMAP_SOURCE) : [rasterLayer('basemap-raster', BASEMAP_SOURCE, DIM_RASTER)];
      return { sources: { [BASEMAP_SOURCE]: source }, layers, attribution: basemap.attribution };
    }
    case 'tianditu': {
      const sources: Record<string, SourceSpecification> = {};
      const layers: LayerSpecification[] = [];
      basemap.layers.forEach((l, i) => {
        const id = `${BASEMAP_SOURCE}-${l.id}`;
        // The attribution once, on the bottom layer.
        sources[id] = { type: 'raster', tiles: l.tiles, tileSize: 256, maxzoom: basemap.maxZoom, ...(i === 0 ? { attribution: basemap.attribution } : {}) };
        layers.push(rasterLayer(id, id, i === 0 ? DIM_RASTER : DIM_LABELS));
      });
      return { sources, layers, attribution: basemap.attribution };
    }
  }
}
