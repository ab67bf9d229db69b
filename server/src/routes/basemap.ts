// The PMTiles basemap archive, served as one file with HTTP range requests: the browser's `pmtiles`
// reader asks for the header, then the directories and tiles it needs, byte range by byte range.
// Serving the file (rather than decoding tiles here) keeps the server to a stat and a read stream per
// request and lets the browser cache each range; it is how PMTiles is meant to be read.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { answerRange } from '../basemap/byte-range.ts';
import { PMTILES_PATH } from '../basemap/basemap-setting.ts';
import type { App } from './types.ts';

/** A strong validator from size and modification time: replacing the file changes it. */
function etagOf(size: number, mtimeMs: number): string {
  return `"pm-${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
}

/** If-Range holds when it names the current version exactly (RFC 9110 §13.1.5). */
function ifRangeHolds(value: string | undefined, etag: string, lastModified: string): boolean {
  if (value === undefined) return true;
  return value.startsWith('"') ? value === etag : value === lastModified;
}

export default async function basemapRoutes(app: App, opts: { file: string }) {
  app.route({
    method: ['GET', 'HEAD'],
    url: PMTILES_PATH,
    onRequest: app.authenticate,
    handler: async (req, reply) => {
      let size: number;
      let mtimeMs: number;
      try {
        ({ size, mtimeMs } = await stat(opts.file));
      } catch (err) {
        req.log.error({ err }, 'basemap archive unreadable');
        return reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message: 'the basemap archive cannot be read' });
      }
      const etag = etagOf(size, mtimeMs);
      const lastModified = new Date(mtimeMs).toUTCString();
      reply.header('accept-ranges', 'bytes').header('etag', etag).header('last-modified', lastModified)
        .header('cache-control', 'private, max-age=3600, must-revalidate').type('application/vnd.pmtiles');
      const inm = req.headers['if-none-match'];
      if (inm && inm.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*')) return reply.code(304).send();

      const ifRange = req.headers['if-range'];
      const range = ifRangeHolds(Array.isArray(ifRange) ? ifRange[0] : ifRange, etag, lastModified) ? answerRange(req.headers.range, size) : { kind: 'whole' as const };
      if (range.kind === 'unsatisfiable') {
        return reply.code(416).header('content-range', `bytes */${size}`).type('application/json')
          .send({ statusCode: 416, error: 'Range Not Satisfiable', message: `the archive has ${size} bytes; ask for one range inside them` });
      }
      const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
      if (range.kind === 'part') reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`);
      reply.header('content-length', end - start + 1);
      if (req.method === 'HEAD' || size === 0) return reply.send();
      return reply.send(createReadStream(opts.file, { start, end }));
    },
  });
}
