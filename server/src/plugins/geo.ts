// The map layers and their indexes. At start: the committed data/*.geojson, each overridden by the
// layer's active imported version in the store. After an import is applied or undone, `reloadGeo`
// rebuilds layers, locator and grid tiles off to the side and swaps them in with one assignment;
// `app.geo` is a getter, so whoever reads app.geo.* at use time sees the new layers, and
// `currentLocator` gives services built once at start a locator that does the same.
import { gunzipSync } from 'node:zlib';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { LAYER_NAMES, layersFromBuffers, loadLayers, type LayerName, type LoadedLayers } from '../geo/layers.ts';
import { Locator } from '../geo/locator.ts';
import { GridTiles } from '../geo/grid-tiles.ts';
import type { LayersRepo } from '../store/types.ts';

export interface Geo {
  layers: LoadedLayers;
  locator: Locator;
  gridTiles: GridTiles;
  /** Active imported version of each layer; 0 = the committed file. */
  versions: Record<LayerName, number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly geo: Geo;
    /** Rebuilds the layers from the store's active versions and swaps them in; listeners run after. */
    reloadGeo(): Promise<Geo>;
    /** Runs after every swap with the layers whose version changed. */
    onGeoChanged(listener: (changed: LayerName[], geo: Geo) => void): void;
  }
}

const isLayer = (name: string): name is LayerName => (LAYER_NAMES as readonly string[]).includes(name);

/** The committed layers overridden by the active stored versions (a version that cannot be read is
 *  skipped with an error in the log: the committed file serves until it is fixed). */
export async function buildGeo(
  committed: ReadonlyMap<LayerName, Buffer>, repo: LayersRepo, log: { error: (o: object, m: string) => void },
  /** The committed layers already parsed: used as they are when nothing is imported. */
  parsed?: LoadedLayers,
): Promise<Geo> {
  const buffers = new Map(committed);
  const versions = Object.fromEntries(LAYER_NAMES.map((n) => [n, 0])) as Record<LayerName, number>;
  const active = await repo.active();
  for (const a of active) {
    if (!isLayer(a.layer)) continue;
    try {
      const raw = gunzipSync(a.geojsonGz);
      const fc = JSON.parse(raw.toString('utf8')) as { type?: unknown; features?: unknown };
      if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error('not a FeatureCollection');
      buffers.set(a.layer, raw);
      versions[a.layer] = a.version;
    } catch (err) {
      log.error({ err, layer: a.layer, version: a.version }, 'imported layer version unreadable; serving the committed file');
    }
  }
  const layers = parsed && LAYER_NAMES.every((n) => versions[n] === 0) ? parsed : layersFromBuffers(buffers);
  return { layers, locator: new Locator(layers), gridTiles: new GridTiles(layers.grid), versions };
}

/** A Locator that answers from whatever layers are current when it is asked. */
export function currentLocator(app: FastifyInstance): Locator {
  return new Proxy(Object.create(Locator.prototype) as Locator, {
    get(_target, key) {
      const locator = app.geo.locator;
      const value: unknown = Reflect.get(locator, key, locator);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(locator) : value;
    },
  });
}

export default fp<{ layersDir: string }>(async (app, opts) => {
  const shipped = loadLayers(opts.layersDir);
  const committed = new Map(LAYER_NAMES.map((n) => [n, shipped.files.get(n)!.raw] as const));
  let current = await buildGeo(committed, app.store.layers, app.log, shipped);
  const listeners: ((changed: LayerName[], geo: Geo) => void)[] = [];
  let reloading: Promise<Geo> = Promise.resolve(current);

  app.decorate('geo', { getter: () => current });
  app.decorate('onGeoChanged', (listener: (changed: LayerName[], geo: Geo) => void) => { listeners.push(listener); });
  // One reload at a time: a second request waits for the first, then reads the store again.
  app.decorate('reloadGeo', () => {
    reloading = reloading.catch(() => current).then(async () => {
      const next = await buildGeo(committed, app.store.layers, app.log);
      const changed = LAYER_NAMES.filter((n) => next.versions[n] !== current.versions[n]);
      current = next;
      for (const l of listeners) {
        try { l(changed, next); } catch (err) { app.log.error({ err }, 'layer change listener failed'); }
      }
      app.log.info({ changed, versions: next.versions }, 'layers swapped');
      return next;
    });
    return reloading;
  });
  app.log.info({ cells: current.layers.grid.features.length, communities: current.layers.communities.features.length, versions: current.versions }, 'layers loaded');
}, { name: 'geo', dependencies: ['store'] });
