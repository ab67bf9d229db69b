// Exports: every layer as served (GeoJSON) or as CSV for Excel, and the case table as GeoJSON or
// CSV, streamed page by page. Layers: every reading role; cases: leaders and admins.
import { Readable } from 'node:stream';
import Type from 'typebox';
import { EpochMs } from '@cw/shared/schemas/common';
import { LayerNameSchema } from '@cw/shared/schemas/imports';
import type { Case } from '@cw/shared/schemas/cases';
import { caseCsvHeader, caseCsvRow, caseFeature, layerCsv } from '../layer-import/export-rows.ts';
import type { App } from './types.ts';

const PAGE = 1000;
const LayerParams = Type.Object({ name: LayerNameSchema });
const CaseExportQuery = Type.Object({
  since: Type.Optional(EpochMs),
  until: Type.Optional(EpochMs),
  state: Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z_,]*$' })),
  district: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
}, { additionalProperties: false });
type CaseExportQuery = Type.Static<typeof CaseExportQuery>;

const attachment = (name: string) => `attachment; filename="${name}"`;
const stamp = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export default async function exportRoutes(app: App) {
  const readers = [app.authenticate, app.requireRole('wall', 'dispatcher', 'leader', 'admin')];
  const leaders = [app.authenticate, app.requireRole('leader', 'admin')];

  app.get('/api/v1/export/layers/:name.geojson', { onRequest: readers, schema: { params: LayerParams } }, async (req, reply) => {
    const file = app.geo.layers.files.get(req.params.name)!;
    return reply.type('application/geo+json').header('content-disposition', attachment(`${req.params.name}.geojson`)).send(file.raw);
  });

  app.get('/api/v1/export/layers/:name.csv', { onRequest: readers, schema: { params: LayerParams } }, async (req, reply) => {
    const raw = app.geo.layers.files.get(req.params.name)!.raw;
    const { features } = JSON.parse(raw.toString('utf8')) as { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
    return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`${req.params.name}.csv`)).send(Readable.from(layerCsv(features)));
  });

  /** The cases the query selects, a page at a time (offset paging under a fixed `until`). */
  async function* cases(q: CaseExportQuery): AsyncGenerator<Case> {
    const until = q.until ?? Date.now();
    for (let offset = 0; ; offset += PAGE) {
      const page = await app.store.cases.list({ since: q.since, until, state: q.state || undefined, district: q.district, street: q.street, limit: PAGE, offset });
      yield* page.cases;
      if (page.cases.length < PAGE) return;
    }
  }

  app.get('/api/v1/export/cases.csv', { onRequest: leaders, schema: { querystring: CaseExportQuery } }, async (req, reply) => {
    async function* rows() {
      yield caseCsvHeader();
      for await (const c of cases(req.query)) yield caseCsvRow(c);
    }
    return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`cases-${stamp()}.csv`)).send(Readable.from(rows()));
  });

  app.get('/api/v1/export/cases.geojson', { onRequest: leaders, schema: { querystring: CaseExportQuery } }, async (req, reply) => {
    async function* doc() {
      yield '{"type":"FeatureCollection","features":[\n';
      let first = true;
      for await (const c of cases(req.query)) {
        yield (first ? '' : ',\n') + caseFeature(c);
        first = false;
      }
      yield '\n]}\n';
    }
    return reply.type('application/geo+json').header('content-disposition', attachment(`cases-${stamp()}.geojson`)).send(Readable.from(doc()));
  });
}
