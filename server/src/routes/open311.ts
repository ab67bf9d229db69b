// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under /open311/v2, so 12345-hotline systems,
// mini-programs and other city apps can file and follow problems; plus the admin's key screen.
// Reading is public, as the spec has it; filing needs an api_key. Every answer, errors included,
// comes in the format the URL names and in the spec's shapes.
import Type from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Case } from '@cw/shared/schemas/cases';
import { ErrorBody } from '@cw/shared/schemas/common';
import { CASE_CATEGORY_BY_CODE } from '@cw/shared/domain/taxonomy';
import { DomainError } from '../domain-error.ts';
import { FORMATS, Open311Error, formatOfUrl, render, renderErrors, type Rendered } from '../open311/format.ts';
import { SERVICES_CHANGESET, serviceDefinition, serviceList, serviceNotice } from '../open311/services.ts';
import { toServiceRequest } from '../open311/service-request.ts';
import { contactNote, parseFormBody, parseServiceRequest, type RequestBody } from '../open311/request-input.ts';
import { parseW3cDatetime } from '../open311/w3c-datetime.ts';
import { Open311Key, Open311KeyBody } from '../open311/key-schemas.ts';
import type { Open311KeyRecord } from '../open311/keys-repo.ts';
import { decodeUtf8 } from '../http/strict-input.ts';
import type { App } from './types.ts';

export interface Open311RouteOptions {
  demo: boolean;
  /** POSTed service requests allowed per client address per minute. */
  postRateMax: number;
}

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
// The spec's default and largest window, and its page size.
const MAX_RANGE_MS = 90 * 86400_000;
const MAX_REQUESTS = 1000;
const MAX_IDS = 200;

const bad = (description: string) => new Open311Error(400, description);

function send(reply: FastifyReply, rendered: Rendered, status = 200) {
  return reply.code(status).type(rendered.contentType).send(rendered.body);
}

/** scheme://host as the client reached us, for the absolute URLs the spec's documents carry. */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** A filter given comma-separated, repeated, or both. */
function listParam(query: RequestBody, name: string): string[] {
  const v = query[name];
  if (v === undefined) return [];
  const items = Array.isArray(v) ? v : [v];
  if (!items.every((s) => typeof s === 'string')) throw bad(`${name} must be text`);
  return (items as string[]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}

function dateParam(query: RequestBody, name: string): number | null {
  const [value, more] = listParam(query, name);
  if (value === undefined) return null;
  const ms = more === undefined ? parseW3cDatetime(value) : null;
  if (ms === null) throw bad(`${name} must be one W3C date-time such as 2026-11-01T00:00:00+08:00, got "${String(query[name])}"`);
  return ms;
}

/** [start, end] of requested_datetime: the most recent 90 days unless told, and never wider. */
function dateRange(query: RequestBody, now: number): { start: number; end: number } {
  const start = dateParam(query, 'start_date');
  const end = dateParam(query, 'end_date');
  const range = start !== null && end !== null ? { start, end }
    : start !== null ? { start, end: start + MAX_RANGE_MS }
      : end !== null ? { start: end - MAX_RANGE_MS, end }
        : { start: now - MAX_RANGE_MS, end: now };
  if (range.start > range.end) throw bad('start_date is after end_date');
  if (range.end - range.start > MAX_RANGE_MS) throw bad('start_date to end_date may not span more than 90 days');
  return range;
}

function bodyRecord(body: unknown): RequestBody {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw bad('the body must be form fields or a JSON object');
  return body as RequestBody;
}

function publicKey(r: Open311KeyRecord): Open311Key {
  return { id: r.id, label: r.label, createdAt: r.createdAt, revokedAt: r.revokedAt };
}

async function georeport(app: App, opts: Open311RouteOptions) {
  // The spec's POST is form-encoded; the parser lives in this scope only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseFormBody(decodeUtf8(body as Buffer)));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    let status: number;
    let description = err.message;
    if (err instanceof Open311Error) status = err.status;
    else if (err instanceof DomainError) status = err.statusCode === 404 ? 404 : 400;
    else {
      // The spec's HTTP codes: 404 for what does not exist, 403 for the api_key, 400 for the rest,
      // "general service errors" included. 429 stays so a client knows to slow down.
      const code = err.statusCode ?? 500;
      status = code === 403 || code === 404 || code === 429 ? code : 400;
      if (code >= 500) {
        req.log.error({ err }, 'open311 request failed');
        description = 'general service error: the request could not be processed; try again later or contact the command center';
      }
    }
    return send(reply, renderErrors(formatOfUrl(req.url), [{ code: status, description }]), status);
  });

  app.setNotFoundHandler((req, reply) =>
    send(reply, renderErrors(formatOfUrl(req.url), [{ code: 404, description: 'no GeoReport v2 resource at this URL; see discovery.json' }]), 404));

  async function findRequests(query: RequestBody): Promise<Case[]> {
    // service_request_id overrides every other filter.
    const ids = [...new Set(listParam(query, 'service_request_id'))];
    if (ids.length > MAX_IDS) throw bad(`at most ${MAX_IDS} service_request_id values at once`);
    if (ids.length) return (await Promise.all(ids.map((id) => app.cases.get(id)))).filter((c): c is Case => c !== null);

    const codes = listParam(query, 'service_code');
    const unknown = codes.find((code) => !CASE_CATEGORY_BY_CODE.has(code));
    if (unknown !== undefined) throw bad(`service_code '${unknown}' is not a service; see services.json`);
    const statuses = new Set(listParam(query, 'status'));
    for (const s of statuses) if (s !== 'open' && s !== 'closed') throw bad(`status takes open and/or closed, not '${s}'`);
    const { start, end } = dateRange(query, Date.now());
    const { cases } = await app.cases.list({
      category: codes.length ? codes.join(',') : undefined,
      open: statuses.size === 1 ? statuses.has('open') : undefined,
      since: start,
      until: end + 1,
      limit: MAX_REQUESTS,
    });
    return cases.sort((a, b) => b.createdAt - a.createdAt);
  }

  async function caseOr404(id: string, what: string): Promise<Case> {
    const c = await app.cases.get(id);
    if (!c) throw new Open311Error(404, `${what} '${id}' was not found`);
    return c;
  }

  // One limiter shared by both formats' POST, so switching .json to .xml does not double the budget.
  const postLimit = app.rateLimit({ max: opts.postRateMax, timeWindow: '1 minute' });

  for (const format of FORMATS) {
    app.get(`/discovery.${format}`, async (req, reply) => send(reply, render(format, 'discovery', {
      changeset: SERVICES_CHANGESET,
      contact: '驻马店市创文指挥中心 (Zhumadian civilized-city command center)',
      key_service: 'api_key 由指挥中心管理员发放 (API keys are issued by the command center administrator)',
      endpoints: [{
        specification: SPECIFICATION, url: `${originOf(req)}/open311/v2`, changeset: SERVICES_CHANGESET,
        type: opts.demo ? 'test' : 'production', formats: ['text/xml', 'application/json'],
      }],
    })));

    app.get(`/services.${format}`, async (_req, reply) => send(reply, render(format, 'services', serviceList())));

    app.get(`/services/:service_code.${format}`, {
      schema: { params: Type.Object({ service_code: Type.String({ maxLength: 100 }) }) },
    }, async (req, reply) => {
      const definition = serviceDefinition(req.params.service_code);
      if (!definition) throw new Open311Error(404, `service_code '${req.params.service_code}' was not found; see services.json`);
      return send(reply, render(format, 'service_definition', definition));
    });

    app.get(`/requests.${format}`, async (req, reply) => {
      const cases = await findRequests(req.query as RequestBody);
      return send(reply, render(format, 'service_requests', cases.map((c) => toServiceRequest(c, originOf(req)))));
    });

    app.get(`/requests/:service_request_id.${format}`, {
      schema: { params: Type.Object({ service_request_id: Type.String({ maxLength: 64 }) }) },
    }, async (req, reply) => {
      const c = await caseOr404(req.params.service_request_id, 'service_request_id');
      return send(reply, render(format, 'service_requests', [toServiceRequest(c, originOf(req))]));
    });

    // Requests are created while the client waits (type "realtime"), so POST answers with the
    // service_request_id and never a token; a token is therefore the id itself, and this maps it.
    app.get(`/tokens/:token.${format}`, {
      schema: { params: Type.Object({ token: Type.String({ maxLength: 64 }) }) },
    }, async (req, reply) => {
      const c = await caseOr404(req.params.token, 'token');
      return send(reply, render(format, 'service_requests', [{ service_request_id: c.id, token: req.params.token }]));
    });

    app.post(`/requests.${format}`, {
      onRequest: postLimit,
    }, async (req, reply) => {
      const body = bodyRecord(req.body);
      const [key] = listParam(body, 'api_key');
      if (key === undefined) throw new Open311Error(403, "api_key was not provided -- can't proceed with create_request.");
      const label = await app.open311Keys.labelOf(key);
      if (label === null) throw new Open311Error(403, "Invalid api_key received -- can't proceed with create_request.");

      const input = parseServiceRequest(body);
      const actor = { username: `open311:${label}`, role: 'dispatcher' as const };
      const { case: c } = await app.cases.create({
        category: input.serviceCode, lon: input.long, lat: input.lat, description: input.description,
        address: input.addressString ?? undefined, priority: input.priority ?? undefined,
      }, actor, 'open311');
      const note = contactNote(input.contact);
      if (note) {
        // Staff-only: case events are behind login. The case exists by now, so a failure here is
        // logged rather than turned into an error that would make the client file it twice.
        await app.cases.comment(c.id, note, actor).catch((err: unknown) => req.log.error({ err, caseId: c.id }, 'could not record the Open311 reporter contact'));
      }
      const category = CASE_CATEGORY_BY_CODE.get(c.category)!;
      // 200 rather than 201: the spec shows none, and clients written against it expect 200.
      return send(reply, render(format, 'service_requests', [{ service_request_id: c.id, service_notice: serviceNotice(category), account_id: null }]));
    });
  }
}

export default async function open311Routes(app: App, opts: Open311RouteOptions) {
  const adminOnly = [app.authenticate, app.requireRole('admin')];

  app.get('/api/v1/admin/open311-keys', {
    onRequest: adminOnly, schema: { response: { 200: Type.Array(Open311Key) } },
  }, async () => (await app.open311Keys.list()).map(publicKey));

  app.post('/api/v1/admin/open311-keys', {
    onRequest: adminOnly, schema: { body: Open311KeyBody, response: { 201: Open311Key, 409: ErrorBody } },
  }, async (req, reply) => {
    const { record, key } = await app.open311Keys.issue(req.body.label);
    return reply.code(201).send({ ...publicKey(record), key });
  });

  app.delete('/api/v1/admin/open311-keys/:id', {
    onRequest: adminOnly,
    schema: { params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$' }) }), response: { 200: Type.Object({ ok: Type.Boolean() }), 404: ErrorBody } },
  }, async (req) => {
    if (!(await app.open311Keys.revoke(req.params.id))) throw new DomainError('not_found', 'no active Open311 key with that id');
    return { ok: true };
  });

  await app.register(georeport, { ...opts, prefix: '/open311/v2' });
}
