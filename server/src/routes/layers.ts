import Type from 'typebox';
import { LAYER_NAMES } from '../geo/layers.ts';
import type { App } from './types.ts';

export default async function layerRoutes(app: App) {
  app.get('/api/v1/layers/:name', {
    onRequest: app.authenticate,
    schema: { params: Type.Object({ name: Type.Union(LAYER_NAMES.map((n) => Type.Literal(n))) }) },
  }, async (req, reply) => {
    const file = app.geo.layers.files.get(req.params.name)!;
    if (req.headers['if-none-match'] === file.etag) return reply.code(304).send();
    return reply.header('etag', file.etag).header('cache-control', 'private, max-age=300').type('application/geo+json').send(file.raw);
  });

  app.get('/api/v1/tiles/grid/:z/:x/:y.pbf', {
    onRequest: app.authenticate,
    schema: {
      params: Type.Object({
        z: Type.Integer({ minimum: 0, maximum: 24 }),
        x: Type.Integer({ minimum: 0 }),
        y: Type.Integer({ minimum: 0 }),
      }),
    },
  }, async (req, reply) => {
    const { z, x, y } = req.params;
    if (x >= 2 ** z || y >= 2 ** z) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'tile out of range' });
    const pbf = app.geo.gridTiles.tile(z, x, y);
    return reply.header('cache-control', 'private, max-age=3600').type('application/vnd.mapbox-vector-tile').send(Buffer.from(pbf));
  });
}
