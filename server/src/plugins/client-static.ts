// Serves the built client. The pages are public; their data is not (every /api route authenticates).
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default fp<{ clientDist: string | null }>(async (app, opts) => {
  const dist = opts.clientDist;
  const hasClient = !!dist && existsSync(join(dist, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'], cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      } });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (hasClient && req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/socket.io') && !path.includes('.')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${path}` });
  });
}, { name: 'client-static' });
