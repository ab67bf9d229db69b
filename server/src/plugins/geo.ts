import fp from 'fastify-plugin';
import { loadLayers, type LoadedLayers } from '../geo/layers.ts';
import { Locator } from '../geo/locator.ts';
import { GridTiles } from '../geo/grid-tiles.ts';

declare module 'fastify' {
  interface FastifyInstance {
    geo: { layers: LoadedLayers; locator: Locator; gridTiles: GridTiles };
  }
}

export default fp<{ layersDir: string }>(async (app, opts) => {
  const layers = loadLayers(opts.layersDir);
  const locator = new Locator(layers);
  const gridTiles = new GridTiles(layers.grid);
  app.decorate('geo', { layers, locator, gridTiles });
  app.log.info({ cells: layers.grid.features.length, communities: layers.communities.features.length }, 'layers loaded');
}, { name: 'geo' });
