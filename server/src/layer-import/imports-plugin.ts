// Layer imports as an app service: the job registry and the apply/undo service, wired to this
// node's layers (reloadGeo), its displays (`layers:changed`) and, with Redis, the other nodes.
import fp from 'fastify-plugin';
import { LAYER_NAMES, type LayerName } from '../geo/layers.ts';
import { ImportJobs } from './import-jobs.ts';
import { LayerVersions } from './layer-versions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    imports: ImportJobs;
    layerVersions: LayerVersions;
  }
}

const isLayer = (name: unknown): name is LayerName => typeof name === 'string' && (LAYER_NAMES as readonly string[]).includes(name);

export default fp(async (app) => {
  app.decorate('imports', new ImportJobs(() => app.geo, { maxJobs: 8, ttlMs: 60 * 60 * 1000 }));

  const tellDisplays = (layer: LayerName, version: number) => { app.io.local.emit('layers:changed', { layer, version }); };
  app.decorate('layerVersions', new LayerVersions({
    repo: app.store.layers,
    activeVersion: (layer) => app.geo.versions[layer],
    reload: () => app.reloadGeo(),
    announce: (layer, version) => {
      tellDisplays(layer, version);
      if (app.redis) app.io.serverSideEmit('layers:changed', { layer, version });
    },
  }));

  // Another node switched a layer in the shared store: load it here too, then tell our displays.
  app.io.on('layers:changed', (change: unknown) => {
    const c = change as { layer?: unknown; version?: unknown } | null;
    if (!c || !isLayer(c.layer) || typeof c.version !== 'number') return app.log.warn({ change }, 'ignored a malformed layer change from another node');
    const layer = c.layer;
    app.reloadGeo().then(
      (geo) => tellDisplays(layer, geo.versions[layer]),
      (err: unknown) => app.log.error({ err }, 'could not reload the layers after another node changed them'),
    );
  });
}, { name: 'layer-imports', dependencies: ['store', 'geo', 'realtime', 'redis'] });
