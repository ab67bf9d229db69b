// GET /api/v1/patrols/directory: who every patrol is (id, frame index, name, kind, unit, street),
// for displays to name what position frames draw. Compressed, with an ETag the browser revalidates
// on every load (`no-cache`), so a wall that restarts or reconnects gets a 304 unless patrols joined.
import Type from 'typebox';
import { PATROL_DIRECTORY_PATH, PatrolDirectory } from '@cw/shared/realtime/patrol-directory';
import { PatrolDirectoryCache, matchesEtag, pickEncoding } from '../realtime/patrol-directory.ts';
import type { App } from './types.ts';

/** After patrols join, the body is rebuilt this long after the last of a burst, off the request path. */
const REBUILD_AFTER_MS = 2_000;

export default async function patrolDirectoryRoutes(app: App) {
  const cache = new PatrolDirectoryCache(() => app.live.all());
  let rebuild: ReturnType<typeof setTimeout> | undefined;
  const rebuildSoon = () => {
    clearTimeout(rebuild);
    rebuild = setTimeout(() => cache.current(), REBUILD_AFTER_MS);
    rebuild.unref();
  };
  app.live.onRegistered(rebuildSoon);
  app.addHook('onReady', async () => rebuildSoon());
  app.addHook('onClose', async () => clearTimeout(rebuild));

  app.get(PATROL_DIRECTORY_PATH, {
    onRequest: [app.authenticate, app.requireRole('wall', 'dispatcher', 'leader', 'admin')],
    schema: { response: { 200: PatrolDirectory, 304: Type.Null() } },
  }, async (req, reply) => {
    const body = cache.current();
    reply.header('etag', body.etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
    if (matchesEtag(req.headers['if-none-match'], body.etag)) return reply.code(304).send(null);
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    // Fastify sends a Buffer as it is, unserialized: the prepared JSON the 200 schema describes.
    return reply.type('application/json; charset=utf-8').send(body.encoded[encoding] as unknown as PatrolDirectory);
  });
}
