// The device port (OSMAND_PORT): what phones running Traccar Client or OsmAnd talk to. No login —
// devices are known by id — so it is its own small server, apart from the user-facing API.
import Fastify, { type FastifyInstance } from 'fastify';
import { parseOsmandJson, parseOsmandQuery, type ParseResult } from './osmand-parse.ts';
import type { PositionIngest } from './position-ingest.ts';
import { decodeUtf8, useStrictJson } from '../http/strict-input.ts';

export function buildDeviceListener(ingest: PositionIngest, logger: boolean | object = false): FastifyInstance {
  const app = Fastify({ logger, bodyLimit: 64 * 1024 });
  // Bodies are decoded strictly, as on the app's own port: a lossy decode could turn garbage into an id.
  useStrictJson(app);
  // Some clients post form-encoded parameters; treat the body as a query string.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, Object.fromEntries(new URLSearchParams(decodeUtf8(body as Buffer))));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const handle = async (query: Record<string, unknown>, body: unknown): Promise<ParseResult> => {
    const now = Date.now();
    const loc = body && typeof body === 'object' ? (body as { location?: unknown }).location : undefined;
    if (loc !== null && typeof loc === 'object') return parseOsmandJson(body, now);
    const fields = body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>), ...query } : query;
    return parseOsmandQuery(fields, now);
  };

  const route = async (req: { query: unknown; body?: unknown }, reply: import('fastify').FastifyReply) => {
    const parsed = await handle((req.query ?? {}) as Record<string, unknown>, req.body);
    if (!parsed.ok) return reply.code(400).type('text/plain').send(parsed.reason);
    const r = await ingest.accept(parsed.report);
    if (!r.ok) return reply.code(400).type('text/plain').send(r.reason);
    return reply.code(200).type('text/plain').send('OK');
  };
  app.get('/', route);
  app.post('/', route);
  app.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
    reply.code(status).type('text/plain').send(err.message);
  });
  return app;
}
