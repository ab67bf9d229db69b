// Every way input reaches the server, each with a generator of certainly-invalid inputs and the way
// to send one: REST bodies, params and queries; socket events; the OsmAnd device port (query, form
// and JSON); Open311 (form and JSON); photo uploads. An outcome is the HTTP status, or for a socket
// the ack's error code, or 'disconnected' when the server drops an oversized message.
// Layer imports (hostile-layer-files.ts): an upload is refused at once, or its job fails (its status),
// or its report has errors and the apply is refused (that status).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DeviceListener } from '../ingest/device-listener.ts';
import type { Socket } from 'socket.io-client';
import type { SeededRandom } from './seeded-random.ts';
import { ABSURD_NUMBERS, BAD_UTF8, INJECTION, NOT_NUMBERS, WITH_NUL, WRONG_SHAPES, longText, nested } from './hostile-values.ts';
import { hostileBody, hostileQuery, type BodySpec, type HostileBody, type QuerySpec } from './hostile-json.ts';
import { hostileLayerFile, zipBomb, type HostileLayerFile } from './hostile-layer-files.ts';

export interface FuzzContext {
  app: FastifyInstance;
  devices: DeviceListener;
  tokens: { admin: string; dispatcher: string; patrol: string };
  /** Cases and patrols that exist, so ids are well-formed and reach the handlers. */
  caseIds: readonly string[];
  patrolIds: readonly string[];
  open311Key: string;
  /** A connected socket per role; `reconnect` replaces one the server dropped. */
  socket(role: 'dispatcher' | 'patrol'): Promise<Socket>;
  reconnect(role: 'dispatcher' | 'patrol'): Promise<void>;
}

export interface Outcome {
  status: string;
  how: string;
}

export interface EntryPoint {
  name: string;
  count: number;
  send(rng: SeededRandom, ctx: FuzzContext): Promise<Outcome>;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const status = (how: string) => (res: LightMyRequestResponse): Outcome => ({ status: String(res.statusCode), how });
const badNumbers = [...ABSURD_NUMBERS, ...NOT_NUMBERS];
const enc = encodeURIComponent;

async function sendLayerFile(ctx: FuzzContext, f: HostileLayerFile): Promise<Outcome> {
  const url = `/api/v1/imports?layer=${enc(f.layer)}&format=${enc(f.format)}${f.crs ? `&crs=${enc(f.crs)}` : ''}&name=fuzz`;
  const res = await ctx.app.inject({ method: 'POST', url, headers: { ...bearer(ctx.tokens.admin), 'content-type': 'application/octet-stream' }, payload: f.payload });
  if (res.statusCode !== 202) return { status: String(res.statusCode), how: f.how };
  const job = ctx.app.imports.get((res.json() as { id: string }).id)!;
  await job.done;
  if (job.state === 'failed') return { status: String(job.failure!.statusCode), how: f.how };
  const apply = await ctx.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/apply`, headers: bearer(ctx.tokens.admin) });
  return { status: String(apply.statusCode), how: `${f.how} (${job.layer}, ${job.report?.counts.errors ?? 0} errors)` };
}

/** Case ids that cannot be (pattern), or well-formed ones that do not exist. */
const BAD_CASE_IDS = [...INJECTION, 'AJ2026', 'AJ99999999-00000', 'aj20260101-00001', longText(70), '%00', '..%2F..%2Fetc%2Fpasswd'];

function sendBody(ctx: FuzzContext, method: 'POST' | 'PUT', url: string, token: string | null, b: HostileBody): Promise<Outcome> {
  return ctx.app.inject({ method, url, headers: { ...(token ? bearer(token) : {}), 'content-type': b.contentType }, payload: b.payload }).then(status(b.how));
}

function jsonRoute(name: string, count: number, method: 'POST' | 'PUT', url: (rng: SeededRandom, ctx: FuzzContext) => string,
  token: (ctx: FuzzContext) => string | null, spec: (ctx: FuzzContext) => BodySpec): EntryPoint {
  return { name, count, send: (rng, ctx) => sendBody(ctx, method, url(rng, ctx), token(ctx), hostileBody(rng, spec(ctx))) };
}

function queryRoute(name: string, count: number, path: (rng: SeededRandom, ctx: FuzzContext) => string, token: (ctx: FuzzContext) => string, spec: QuerySpec): EntryPoint {
  return {
    name, count,
    send: (rng, ctx) => {
      const { how, query } = hostileQuery(rng, spec);
      return ctx.app.inject({ url: `${path(rng, ctx)}?${query}`, headers: bearer(token(ctx)) }).then(status(how));
    },
  };
}

const newCase: BodySpec = {
  base: () => ({ category: 'street_dirty', lon: 114.02, lat: 32.98, description: '路边垃圾', address: '解放路', priority: 'normal' }),
  invalid: {
    category: [...INJECTION, '', longText(41), 'no_such_category'], lon: badNumbers, lat: [...badNumbers, 91, -91],
    priority: [...INJECTION, 'URGENT', ''], source: [...INJECTION, 'wechat'], clientRef: ['short', longText(65), ''],
    description: [longText(2001)], address: [longText(201)],
  },
  text: ['description', 'address'], numeric: ['lon', 'lat'], closed: true,
};

const command: BodySpec = {
  base: () => ({ action: 'register', reason: '核实' }),
  invalid: {
    action: [...INJECTION, 'REGISTER', 'delete', ''], expectedVersion: [0, -1, 1.5, ...NOT_NUMBERS], reason: [longText(1001)],
    patrolId: [longText(81)], unit: [longText(41)], afterPhotoId: [longText(81)], until: [-1, 1e20, 1.5, ...NOT_NUMBERS], commandId: ['short', longText(65)],
  },
  text: ['reason'], numeric: ['expectedVersion', 'until'], closed: true,
};

const positions: BodySpec = {
  base: () => ({ positions: [{ deviceId: 'gw-fuzz-1', lon: 114.02, lat: 32.98 }] }),
  invalid: {
    positions: [[], nested(1, 3), [{ deviceId: '', lon: 114, lat: 33 }], [{ deviceId: 'x', lon: 1e308, lat: 33 }],
      [{ deviceId: 'x', lon: 114, lat: 'NaN' }], [{ deviceId: 'x', lon: 114, lat: 33, speed: -1 }], [{ deviceId: 'x', lon: 114, lat: 33, time: 1e20 }],
      [{ deviceId: longText(65), lon: 114, lat: 33 }], [{ deviceId: 'x', lon: 114, lat: 33, battery: 101 }], [{ deviceId: 'x', lon: 114, lat: 33, extra: 1 }],
      Array.from({ length: 10_001 }, () => ({ deviceId: 'x', lon: 114, lat: 33 }))],
  },
  closed: true,
};

// The photo upload: certainly-invalid multipart bodies (never a decodable image).
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function multipart(boundary: string, parts: { name: string; filename?: string; type?: string; data: Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

function hostileUpload(rng: SeededRandom, maxBytes: number): { how: string; contentType: string; payload: Buffer; stage: string } {
  const boundary = `----cwfuzz${rng.int(0, 1e9)}`;
  const type = `multipart/form-data; boundary=${boundary}`;
  const garbage = (n: number) => Buffer.from(Array.from({ length: n }, () => rng.int(0, 255)));
  const photo = (data: Buffer, filename = 'p.jpg') => multipart(boundary, [{ name: 'photo', filename, type: 'image/jpeg', data }]);
  const kind = rng.pick(['not-an-image', 'corrupt-jpeg', 'corrupt-png', 'html', 'svg-script', 'empty-file', 'wrong-field', 'no-file',
    'oversized', 'bad-boundary', 'truncated', 'not-multipart', 'bad-stage', 'hostile-filename']);
  switch (kind) {
    case 'not-an-image': return { how: kind, contentType: type, payload: photo(garbage(rng.int(1, 4000))), stage: 'before' };
    case 'corrupt-jpeg': return { how: kind, contentType: type, payload: photo(Buffer.concat([JPEG_HEAD, garbage(rng.int(10, 4000))])), stage: 'before' };
    case 'corrupt-png': return { how: kind, contentType: type, payload: photo(Buffer.concat([PNG_HEAD, garbage(rng.int(10, 4000))]), 'p.png'), stage: 'after' };
    case 'html': return { how: kind, contentType: type, payload: photo(Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg.html'), stage: 'before' };
    case 'svg-script': return { how: kind, contentType: type, payload: photo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'x.svg'), stage: 'before' };
    case 'empty-file': return { how: kind, contentType: type, payload: photo(Buffer.alloc(0)), stage: 'before' };
    case 'wrong-field': return { how: kind, contentType: type, payload: multipart(boundary, [{ name: rng.pick(['file', 'image', "photo'--"]), filename: 'p.jpg', data: JPEG_HEAD }]), stage: 'before' };
    case 'no-file': return { how: kind, contentType: type, payload: multipart(boundary, [{ name: 'photo', data: Buffer.from(rng.pick(INJECTION)) }]), stage: 'before' };
    case 'oversized': return { how: kind, contentType: type, payload: photo(Buffer.concat([JPEG_HEAD, Buffer.alloc(maxBytes + 1)])), stage: 'before' };
    case 'bad-boundary': return { how: kind, contentType: 'multipart/form-data; boundary=nothere', payload: photo(JPEG_HEAD), stage: 'before' };
    case 'truncated': { const full = photo(Buffer.concat([JPEG_HEAD, garbage(200)])); return { how: kind, contentType: type, payload: full.subarray(0, rng.int(10, full.length - 20)), stage: 'before' }; }
    case 'not-multipart': return { how: kind, contentType: rng.pick(['image/jpeg', 'application/json', 'application/octet-stream']), payload: Buffer.concat([JPEG_HEAD, garbage(100)]), stage: 'before' };
    case 'bad-stage': return { how: kind, contentType: type, payload: photo(garbage(50)), stage: rng.pick([...INJECTION, 'BEFORE', '', '%00']) };
    default: return { how: kind, contentType: type, payload: multipart(boundary, [{ name: 'photo', filename: rng.pick(['../../etc/passwd', 'a\u0000.jpg', '<script>.jpg', longText(300)]), type: 'image/jpeg', data: garbage(64) }]), stage: 'before' };
  }
}

// OsmAnd / Traccar Client: every report lacks a usable id or position, so none is stored or registers a device.
const BAD_DEVICE_IDS = [...INJECTION, longText(65), '', 'dev ice', 'dev\u0000x', 'a/b'];
const osmandQuery: QuerySpec = {
  base: () => ({ id: 'fuzz-dev-1', lat: '32.98', lon: '114.02', timestamp: '1800000000', speed: '3', bearing: '90' }),
  invalid: {
    id: BAD_DEVICE_IDS.map(enc), lat: ['NaN', 'Infinity', '1e999', '91', '-90.5', 'abc', '', '1e308'], lon: ['NaN', '-Infinity', '181', 'x', '', '0x10'],
    timestamp: ['garbage', '9999999999999', '2999-01-01T00:00:00Z', 'NaN'], speed: ['-5', '1e308', 'NaN', 'fast'],
  },
  closed: false,
};

const osmandJson: BodySpec = {
  base: () => ({ device_id: 'fuzz-dev-1', location: { timestamp: '2026-11-27T10:00:00Z', coords: { latitude: 32.98, longitude: 114.02, speed: 1, heading: 90 } } }),
  invalid: {
    device_id: BAD_DEVICE_IDS, location: [null, 'x', [], { coords: null }, { coords: { latitude: 'NaN', longitude: 114 } },
      { coords: { latitude: 1e308, longitude: 114 } }, { coords: { latitude: 33, longitude: 'Infinity' } }, { timestamp: 'soon', coords: { latitude: 33, longitude: 114 } },
      { coords: { latitude: 33, longitude: 114, speed: 1e308 } }, nested(1, 100)],
  },
  closed: false,
};

// Open311 GeoReport v2: POSTed service requests (form or JSON) and GET filters.
const open311Fields = (key: string): Record<string, string> => ({ api_key: key, service_code: 'street_dirty', lat: '32.98', long: '114.02', description: '路边垃圾' });
const OPEN311_INVALID: Record<string, readonly string[]> = {
  api_key: [...INJECTION, 'wrong-key', ''], service_code: [...INJECTION, 'no_such_service', ''], lat: ['NaN', 'Infinity', '1e999', '91', 'abc', '0x10', ' '],
  long: ['-Infinity', '181', 'x', '1,5', '１１４'], email: ['not-an-email', '<script>@x', 'a@b'], phone: ['call me', "1' OR 1=1"],
  media_url: ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x/y'], description: [longText(4001)],
};

function hostileForm(rng: SeededRandom, key: string): HostileBody {
  const fields: Record<string, string> = open311Fields(key);
  fields.address_string = rng.pick(INJECTION);
  const kind = rng.pick(['field', 'field', 'nul', 'bad-utf8', 'json-field', 'json-shape']);
  if (kind === 'json-field' || kind === 'json-shape') {
    const body: Record<string, unknown> = { ...fields };
    const f = rng.pick(Object.keys(OPEN311_INVALID));
    body[f] = kind === 'json-field' ? rng.pick(OPEN311_INVALID[f]!) : rng.pick([...WRONG_SHAPES, nested('x', 80)]);
    return { how: kind, contentType: 'application/json', payload: JSON.stringify(body) };
  }
  const f = rng.pick(Object.keys(OPEN311_INVALID));
  if (kind === 'field') fields[f] = rng.pick(OPEN311_INVALID[f]!);
  else if (kind === 'nul') fields[f] = rng.pick(WITH_NUL);
  const form = Object.entries(fields).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  if (kind !== 'bad-utf8') return { how: kind, contentType: 'application/x-www-form-urlencoded', payload: form };
  return { how: kind, contentType: 'application/x-www-form-urlencoded', payload: Buffer.concat([Buffer.from(`${form}&description=`), Buffer.from(rng.pick(BAD_UTF8))]) };
}

// Socket events: payloads of every wrong kind; the ack must be a clear refusal.
const SOCKET_JUNK: readonly unknown[] = [null, 42, 'text', true, [], ...WRONG_SHAPES, nested('x', 200), Buffer.from([0xff, 0x00]), longText(200_000)];
const REFUSED_ACKS = new Set(['bad_request', 'forbidden', 'not_found', 'conflict']);
export const isRefusedAck = (code: string) => REFUSED_ACKS.has(code);

async function emit(ctx: FuzzContext, role: 'dispatcher' | 'patrol', event: string, payload: unknown, how: string): Promise<Outcome> {
  const socket = await ctx.socket(role);
  try {
    const ack = (await socket.timeout(5000).emitWithAck(event as never, payload as never)) as { data?: unknown; error?: { code: string } };
    return { status: ack.error ? `ack:${ack.error.code}` : 'ack:ok', how };
  } catch {
    // The server hung up (an oversized message) or never answered: which, the socket's state says.
    const dropped = !socket.connected;
    if (dropped) await ctx.reconnect(role);
    return { status: dropped ? 'disconnected' : 'no-answer', how };
  }
}

function socketPayload(rng: SeededRandom, spec: BodySpec): { how: string; payload: unknown } {
  if (rng.chance(0.3)) return { how: 'junk', payload: rng.pick(SOCKET_JUNK) };
  const body = spec.base();
  const f = rng.pick(Object.keys(spec.invalid));
  const how = rng.pick(['field', 'nul', 'shape', 'unknown-key']);
  if (how === 'field') body[f] = rng.pick(spec.invalid[f]!);
  else if (how === 'nul') body[rng.pick([...Object.keys(spec.invalid), ...(spec.text ?? [])])] = rng.pick(WITH_NUL);
  else if (how === 'shape') body[f] = rng.pick(WRONG_SHAPES);
  else body[rng.pick(['isAdmin', 'seq', '$where'])] = rng.pick(INJECTION);
  return { how, payload: body };
}

export function entryPoints(photoMaxBytes: number): EntryPoint[] {
  const caseUrl = (suffix: string) => (rng: SeededRandom, ctx: FuzzContext) => `/api/v1/cases/${enc(rng.chance(0.8) ? rng.pick(ctx.caseIds) : rng.pick(BAD_CASE_IDS))}${suffix}`;
  return [
    jsonRoute('POST /api/v1/auth/login', 500, 'POST', () => '/api/v1/auth/login', () => null, () => ({
      base: () => ({ username: 'dispatcher', password: 'wrong-password' }),
      invalid: { username: ['', longText(65), ...WITH_NUL], password: ['', longText(257)] }, text: ['username', 'password'], closed: true,
    })),
    jsonRoute('POST /api/v1/cases', 1400, 'POST', () => '/api/v1/cases', (ctx) => ctx.tokens.dispatcher, () => newCase),
    queryRoute('GET /api/v1/cases', 700, () => '/api/v1/cases', (ctx) => ctx.tokens.dispatcher, {
      base: () => ({ q: '垃圾', limit: '10' }),
      invalid: {
        priority: INJECTION.map(enc), limit: ['0', '5001', '-1', 'all', '1e20'], offset: ['-1', '1e20', 'x'], since: ['1e20', '-1', 'yesterday'],
        until: ['99999999999999999999', 'NaN'], district: [...INJECTION.map(enc), '41170'], street: ['abc', '4117021'], bbox: ['1,2,3', enc('1,2,3,4;DROP'), 'NaN,NaN,NaN,NaN'],
        q: [enc(longText(101))], overdue: ['maybe', '2'], open: ['yes please'],
      },
      closed: true,
    }),
    { name: 'GET /api/v1/cases/:id', count: 300, send: (rng, ctx) => ctx.app.inject({ url: `/api/v1/cases/${enc(rng.pick([...BAD_CASE_IDS, ...WITH_NUL]))}`, headers: bearer(ctx.tokens.dispatcher) }).then(status('id')) },
    jsonRoute('POST /api/v1/cases/:id/transitions', 1000, 'POST', caseUrl('/transitions'), (ctx) => ctx.tokens.dispatcher, () => command),
    jsonRoute('POST /api/v1/cases/:id/comments', 400, 'POST', caseUrl('/comments'), (ctx) => ctx.tokens.dispatcher, () => ({
      base: () => ({ note: '已核实' }), invalid: { note: ['', longText(2001)], commandId: ['short', longText(65)] }, text: ['note'], closed: true,
    })),
    queryRoute('GET /api/v1/patrols/:id/track', 300, (rng, ctx) => `/api/v1/patrols/${enc(rng.chance(0.7) ? rng.pick(ctx.patrolIds) : longText(81))}/track`, (ctx) => ctx.tokens.dispatcher, {
      base: () => ({ from: '0', to: '1800000000000' }), invalid: { from: ['-1', '1e20', 'x', ''], to: ['NaN', '99999999999999999999', 'later'] }, closed: true,
    }),
    jsonRoute('POST /api/v1/positions/batch', 500, 'POST', () => '/api/v1/positions/batch', (ctx) => ctx.tokens.admin, () => positions),
    jsonRoute('PUT /api/v1/admin/users', 400, 'PUT', () => '/api/v1/admin/users', (ctx) => ctx.tokens.admin, () => ({
      base: () => ({ username: 'fuzzuser', password: 'long-enough-pw', role: 'leader' }),
      invalid: { username: [...INJECTION, 'a', longText(33)], password: ['short', longText(257)], role: [...INJECTION, 'root', 'ADMIN'], patrolId: [longText(81)], disabled: ['perhaps', 2] },
      closed: true,
    })),
    jsonRoute('PUT /api/v1/admin/taxonomy', 200, 'PUT', () => '/api/v1/admin/taxonomy', (ctx) => ctx.tokens.admin, () => ({
      base: () => ({ categories: [{ code: 'street_dirty', zh: '道路不洁', en: 'Dirty street', item: 'A01', unit: 'u', limitHours: 24, urgent: false, handledBy: ['grid_member'], weight: 1 }] }),
      invalid: { categories: [[], [{ code: "x'; DROP TABLE settings; --" }], [{ code: 'ok_code', zh: '', en: 'x', item: 'B1', unit: 'u', limitHours: 0, urgent: false, handledBy: [], weight: -1 }], nested([], 5)] },
      closed: true,
    })),
    jsonRoute('PUT /api/v1/admin/calendar', 200, 'PUT', () => '/api/v1/admin/calendar', (ctx) => ctx.tokens.admin, () => ({
      base: () => ({ hours: [['08:30', '12:00']], holidays: [], workdays: [] }),
      invalid: { hours: [[], [['25:00', '12:00']], [['8:30', '12:00']], [[INJECTION[0], '12:00']]], holidays: [['2026-13-45x'], [INJECTION[1]]], workdays: [Array.from({ length: 401 }, () => '2026-01-01')] },
      closed: true,
    })),
    jsonRoute('POST /api/v1/auth/display-tokens', 200, 'POST', () => '/api/v1/auth/display-tokens', (ctx) => ctx.tokens.admin, () => ({
      base: () => ({ label: '大屏' }), invalid: { label: ['', longText(81)] }, closed: true,
    })),
    { name: 'DELETE /api/v1/auth/display-tokens/:id', count: 100, send: (rng, ctx) => ctx.app.inject({ method: 'DELETE', url: `/api/v1/auth/display-tokens/${enc(rng.pick([...INJECTION, '0123456789abcdef', 'ZZZZ']))}`, headers: bearer(ctx.tokens.admin) }).then(status('id')) },
    {
      name: 'GET /api/v1/layers/:name and tiles', count: 300,
      send: (rng, ctx) => {
        const url = rng.chance(0.5) ? `/api/v1/layers/${enc(rng.pick([...INJECTION, 'grid.geojson', '..%2Fconfig']))}`
          : `/api/v1/tiles/grid/${rng.pick(['25', '-1', 'x', '10'])}/${rng.pick(['1024', '-5', '1e20', 'NaN'])}/${rng.pick(['99999', '0.5', '%00'])}.pbf`;
        return ctx.app.inject({ url, headers: bearer(ctx.tokens.dispatcher) }).then(status('path'));
      },
    },
    { name: 'POST /api/v1/imports (layer files)', count: 150, send: (rng, ctx) => sendLayerFile(ctx, hostileLayerFile(rng)) },
    // Its header claims 1 KB; it inflates to 300 MB, past the 256 MB cap per entry.
    { name: 'POST /api/v1/imports (zip bomb)', count: 1, send: (_rng, ctx) => sendLayerFile(ctx, { how: 'zip-bomb', layer: 'grid', format: 'shapefile', payload: zipBomb(300 * 1024 * 1024) }) },
    {
      name: 'POST /api/v1/cases/:id/photos (multipart)', count: 400,
      send: (rng, ctx) => {
        const u = hostileUpload(rng, photoMaxBytes);
        const id = u.how === 'bad-stage' || rng.chance(0.9) ? rng.pick(ctx.caseIds) : rng.pick(BAD_CASE_IDS);
        return ctx.app.inject({ method: 'POST', url: `/api/v1/cases/${enc(id)}/photos?stage=${enc(u.stage)}`, headers: { ...bearer(ctx.tokens.dispatcher), 'content-type': u.contentType }, payload: u.payload }).then(status(u.how));
      },
    },
    {
      name: 'POST /open311/v2/requests.{json,xml}', count: 700,
      send: (rng, ctx) => {
        const b = hostileForm(rng, ctx.open311Key);
        return ctx.app.inject({ method: 'POST', url: `/open311/v2/requests.${rng.pick(['json', 'xml'])}`, headers: { 'content-type': b.contentType }, payload: b.payload }).then(status(b.how));
      },
    },
    queryRoute('GET /open311/v2/requests.json', 300, () => '/open311/v2/requests.json', () => '', {
      base: () => ({ status: 'open' }),
      invalid: { start_date: ['yesterday', '2026-13-01', enc(INJECTION[0])], end_date: ['1e20', 'NaN'], status: INJECTION.map(enc), service_code: [...INJECTION.map(enc), 'no_such'] },
      closed: false,
    }),
    {
      name: 'socket case:create / case:transition / cases:catch-up / patrols:subscribe', count: 1300,
      send: (rng, ctx) => {
        const event = rng.pick(['case:create', 'case:transition', 'cases:catch-up', 'patrols:subscribe']);
        if (event === 'case:create') { const p = socketPayload(rng, newCase); return emit(ctx, 'dispatcher', event, p.payload, p.how); }
        if (event === 'case:transition') {
          const bad = socketPayload(rng, command);
          const payload = rng.chance(0.3) ? { id: rng.pick(BAD_CASE_IDS), command: { action: 'register' } } : rng.chance(0.2) ? bad.payload : { id: rng.pick(ctx.caseIds), command: bad.payload };
          return emit(ctx, 'dispatcher', event, payload, bad.how);
        }
        if (event === 'cases:catch-up') return emit(ctx, 'dispatcher', event, rng.pick([{ afterSeq: -1 }, { afterSeq: 1e20 }, { afterSeq: 'NaN' }, { afterSeq: 1.5 }, { afterSeq: 0, x: 1 }, ...SOCKET_JUNK]), 'seq');
        return emit(ctx, 'dispatcher', event, rng.pick([{ districts: INJECTION }, { districts: ['4117020'] }, { districts: Array(51).fill('411702') }, { districts: 'all' }, { extra: 1 }, 42, 'x', [], ...WITH_NUL.map((s) => ({ districts: [s] }))]), 'subscription');
      },
    },
    {
      name: 'socket patrol:report-position', count: 400,
      send: (rng, ctx) => emit(ctx, 'patrol', 'patrol:report-position', rng.chance(0.3) ? rng.pick(SOCKET_JUNK) : {
        lon: rng.pick([114.02, ...badNumbers]), lat: rng.pick([...badNumbers, 91]), time: rng.pick([Date.now(), -1, 1e20, 'now']), accuracy: rng.pick([5, -1, 1e9]),
      }, 'fix'),
    },
    {
      name: 'socket oversized message', count: 3,
      send: (_rng, ctx) => emit(ctx, 'dispatcher', 'case:create', { category: 'street_dirty', lon: 114.02, lat: 32.98, description: 'x'.repeat(1_100_000) }, 'oversized'),
    },
    {
      name: 'OsmAnd GET/POST query', count: 900,
      send: (rng, ctx) => {
        const { how, query } = hostileQuery(rng, osmandQuery);
        return (rng.chance(0.5) ? ctx.devices.inject({ url: `/?${query}` })
          : ctx.devices.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: query })).then(status(how));
      },
    },
    {
      name: 'OsmAnd JSON body', count: 700,
      send: (rng, ctx) => {
        const b = hostileBody(rng, osmandJson, 0);
        return ctx.devices.inject({ method: 'POST', url: '/', headers: { 'content-type': b.contentType }, payload: b.payload }).then(status(b.how));
      },
    },
  ];
}
