// Layer imports (admin): upload a file → a job reads and validates it in the background → the admin
// reads the report → applies it (a new active version) or cancels; undo goes back a version.
import Type from 'typebox';
import { ErrorBody } from '@cw/shared/schemas/common';
import { ImportJobView, ImportQuery, LayerHistory, LayerNameSchema, LayerVersions } from '@cw/shared/schemas/imports';
import { DomainError } from '../domain-error.ts';
import { jobView } from '../layer-import/import-jobs.ts';
import type { App } from './types.ts';

const JobParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });
const LayerParams = Type.Object({ name: LayerNameSchema });
const Errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody };
// Control characters and path separators never reach a report or a log line as a file name.
const cleanName = (name: string | undefined) => (name ?? '').replace(/[\u0000-\u001f\u007f/\\]/g, '').trim().slice(0, 200) || '上传的文件';

export default async function importRoutes(app: App, opts: { maxBytes: number }) {
  const admin = [app.authenticate, app.requireRole('admin')];
  // Only this scope takes raw file bodies: the bytes arrive as they are, whatever type the browser
  // guessed (a .geojson upload must not go through the JSON parser).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.maxBytes }, (_req, body, done) => done(null, body));

  const job = (id: string) => {
    const j = app.imports.get(id);
    if (!j) throw new DomainError('not_found', '没有这个导入任务（可能已过期）');
    return j;
  };

  app.post('/api/v1/imports', {
    onRequest: admin, bodyLimit: opts.maxBytes,
    schema: { querystring: ImportQuery, response: { 202: ImportJobView, ...Errors } },
  }, async (req, reply) => {
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError('bad_request', '请求体应是文件本身（application/octet-stream），且不能为空');
    const q = req.query;
    const started = app.imports.start(body, { layer: q.layer, format: q.format, declared: q.crs, sourceName: cleanName(q.name), by: req.user!.username });
    return reply.code(202).send(jobView(started));
  });

  app.get('/api/v1/imports', { onRequest: admin, schema: { response: { 200: Type.Array(ImportJobView) } } }, async () =>
    app.imports.list().map(jobView));

  app.get('/api/v1/imports/:id', { onRequest: admin, schema: { params: JobParams, response: { 200: ImportJobView, ...Errors } } }, async (req) =>
    jobView(job(req.params.id)));

  app.post('/api/v1/imports/:id/apply', { onRequest: admin, schema: { params: JobParams, response: { 200: ImportJobView, ...Errors } } }, async (req) => {
    const j = job(req.params.id);
    await app.layerVersions.apply(j);
    return jobView(j);
  });

  app.delete('/api/v1/imports/:id', { onRequest: admin, schema: { params: JobParams, response: { 200: ImportJobView, ...Errors } } }, async (req) => {
    const j = job(req.params.id);
    app.imports.cancel(j);
    return jobView(j);
  });

  // Every display asks once at start, so its grid tiles URL names the version (tiles are cached an hour).
  app.get('/api/v1/layer-versions', { onRequest: app.authenticate, schema: { response: { 200: LayerVersions } } }, async () => app.geo.versions);

  app.get('/api/v1/layers/:name/versions', { onRequest: admin, schema: { params: LayerParams, response: { 200: LayerHistory, ...Errors } } }, async (req) =>
    app.layerVersions.history(req.params.name));

  app.post('/api/v1/layers/:name/undo', { onRequest: admin, schema: { params: LayerParams, response: { 200: LayerHistory, ...Errors } } }, async (req) => {
    await app.layerVersions.undo(req.params.name);
    return app.layerVersions.history(req.params.name);
  });
}
