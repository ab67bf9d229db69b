// The unit grid as Mapbox vector tiles (source-layer "grid"). Tens of thousands of cells are too many
// to ship as one GeoJSON to every screen; tiles let the wall draw only what it shows. The tile index
// is built on first use, off the start-up path, and encoded tiles are kept in a bounded cache.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { CellProps, FeatureCollection } from './layers.ts';

export const GRID_MIN_ZOOM = 12;
export const GRID_MAX_ZOOM = 16;
const CACHE_LIMIT = 2000;
const EMPTY = new Uint8Array(0);

export class GridTiles {
  private index: GeoJSONVT | null = null;
  private readonly cache = new Map<string, Uint8Array>();

  constructor(private readonly grid: FeatureCollection<CellProps>) {}

  /** Builds the index now (e.g. right after start, in the background) instead of on first request. */
  warm(): void {
    this.index ??= new GeoJSONVT(this.grid as unknown as GeoJSON.FeatureCollection, {
      maxZoom: GRID_MAX_ZOOM,
      indexMaxZoom: GRID_MIN_ZOOM,
      indexMaxPoints: 10000,
      tolerance: 1,
      buffer: 16,
      extent: 4096,
    });
  }

  /** The encoded tile, or an empty tile outside the grid's zoom range or extent. */
  tile(z: number, x: number, y: number): Uint8Array {
    if (z < GRID_MIN_ZOOM || z > GRID_MAX_ZOOM) return EMPTY;
    const key = `${z}/${x}/${y}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    this.warm();
    const t = this.index!.getTile(z, x, y);
    const pbf = t && t.features.length ? fromGeojsonVt({ grid: t }, { version: 2, extent: 4096 }) : EMPTY;
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, pbf);
    return pbf;
  }
}
