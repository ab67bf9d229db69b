import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Case, CaseEvent } from '@cw/shared/schemas/cases';
import { CASE_CATEGORIES } from '@cw/shared/domain/taxonomy';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';

// GeoReport's JSON is its XML read by the Spark convention; these are the list → item names.
const ITEM: Record<string, string> = { services: 'service', service_requests: 'request', attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format', errors: 'error' };
const xmlParser = new XMLParser({ ignoreDeclaration: true, parseTagValue: false, isArray: (name) => Object.values(ITEM).includes(name) });

/** The JSON answer as the XML parser sees the XML answer: lists wrapped in their item element, scalars as text. */
function asXmlTree(name: string, v: unknown): unknown {
  if (v === null) return '';
  if (Array.isArray(v)) return v.length ? { [ITEM[name]!]: v.map((x) => asXmlTree(ITEM[name]!, x)) } : '';
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, asXmlTree(k, x)]));
  return String(v);
}

// The spec's example POST, with our service code, a spot in 驿城区, our attribute and the demo key.
const EXAMPLE_POST = 'api_key=demo-open311-key&jurisdiction_id=city.gov&service_code=street_dirty&lat=32.98&long=114.022'
  + '&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john'
  + '&last_name=smith&phone=111111111&description=A+large+sinkhole+is+destroying+the+street'
  + '&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg&attribute[PRIORITY]=high';
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const ISO_CST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  let dispatcher: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (url: string) => t.app.inject({ url: `/open311/v2/${url}` });
  const post = (format: 'json' | 'xml', payload: string | object, headers: Record<string, string> = typeof payload === 'string' ? FORM : {}) =>
    t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, payload, headers });

  /** Fetches both formats and checks the XML is well-formed and says what the JSON says. */
  async function both(pathAndQuery: string, root: string) {
    const [path, query] = pathAndQuery.split('?');
    const json = await get(`${path}.json${query ? `?${query}` : ''}`);
    const xml = await get(`${path}.xml${query ? `?${query}` : ''}`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(XMLValidator.validate(xml.body)).toBe(true);
    expect(xml.statusCode).toBe(json.statusCode);
    expect(xmlParser.parse(xml.body)).toEqual({ [root]: asXmlTree(root, json.json()) });
    return { status: json.statusCode, body: json.json() as unknown };
  }

  beforeAll(async () => {
    t = await buildTestApp();
    dispatcher = await t.login('dispatcher');
  });
  afterAll(async () => { await t.close(); });

  it('serves the discovery document in both formats', async () => {
    const { status, body } = await both('discovery', 'discovery');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      changeset: expect.any(String), contact: expect.any(String), key_service: expect.any(String),
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:80/open311/v2', type: 'test', formats: ['text/xml', 'application/json'] }],
    });
  });

  it('lists the case categories as services, in the spec\'s service list shape', async () => {
    const { status, body } = await both('services', 'services');
    expect(status).toBe(200);
    const services = body as Record<string, unknown>[];
    expect(services).toHaveLength(CASE_CATEGORIES.length);
    for (const s of services) expect(Object.keys(s)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    expect(services[0]).toMatchObject({ service_code: 'street_dirty', service_name: '道路不洁', metadata: true, type: 'realtime', group: '市容环境' });
  });

  it('defines a service\'s attributes, and answers an unknown service_code with 404 in the spec\'s error format', async () => {
    const { body } = await both('services/street_dirty', 'service_definition');
    expect(body).toMatchObject({ service_code: 'street_dirty', attributes: [{ code: 'PRIORITY', datatype: 'singlevaluelist', values: [{ key: 'normal', name: '一般' }, { key: 'high', name: '较急' }, { key: 'urgent', name: '紧急' }] }, { code: 'TIME_LIMIT', variable: false }] });

    const missing = await both('services/DMV66', 'errors');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.stringContaining("'DMV66' was not found") }]);
    const xml = await get('services/DMV66.xml');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<errors><error><code>404<\/code><description>service_code 'DMV66' was not found; see services.json<\/description><\/error><\/errors>/);
  });

  it('takes the spec\'s example POST as a case in state reported, keeping the reporter\'s details staff-only', async () => {
    const res = await post('xml', EXAMPLE_POST);
    expect(res.statusCode, res.body).toBe(200);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const reply = xmlParser.parse(res.body) as { service_requests: { request: { service_request_id: string; service_notice: string; account_id: string }[] } };
    const [created] = reply.service_requests.request;
    expect(created).toEqual({ service_request_id: expect.stringMatching(/^AJ\d{8}-\d{5}$/), service_notice: '由市城管局在 4 个工作小时内处置。', account_id: '' });
    expect(res.body).toContain('<account_id/>');
    const id = created!.service_request_id;

    const c = (await t.app.inject({ url: `/api/v1/cases/${id}`, headers: auth(dispatcher) })).json() as Case;
    expect(c).toMatchObject({ state: 'reported', source: 'open311', category: 'street_dirty', priority: 'high', reporter: 'open311:demo', lat: 32.98, lon: 114.022, address: '1234 5th street', description: 'A large sinkhole is destroying the street' });
    const events = (await t.app.inject({ url: `/api/v1/cases/${id}/events`, headers: auth(dispatcher) })).json() as CaseEvent[];
    expect(events.map((e) => e.type)).toEqual(['created', 'commented']);
    expect(events[1]!.note).toBe('Open311 上报人信息（仅内部可见）— 姓名：smith john；电话：111111111；邮箱：smit333@sfgov.edu；账号：123456；设备：tt222111；附件链接：http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg');

    // The public view has none of it.
    for (const format of ['json', 'xml']) {
      const pub = await get(`requests/${id}.${format}`);
      expect(pub.statusCode).toBe(200);
      for (const secret of ['smit333', 'john', 'smith', '111111111', 'tt222111', '123456', 'open311:demo', 'flickr']) expect(pub.body).not.toContain(secret);
    }
  });

  it('answers GET requests/{id} in the spec\'s request shape, in both formats', async () => {
    const created = (await post('json', EXAMPLE_POST)).json() as [{ service_request_id: string }];
    const id = created[0].service_request_id;
    const { status, body } = await both(`requests/${id}`, 'service_requests');
    expect(status).toBe(200);
    const [request] = body as Record<string, unknown>[];
    expect(Object.keys(request!)).toEqual(['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url']);
    expect(request).toMatchObject({
      service_request_id: id, status: 'open', status_notes: '当前环节：上报（Reported）', service_name: '道路不洁', service_code: 'street_dirty',
      description: 'A large sinkhole is destroying the street', agency_responsible: '市城管局', address: '1234 5th street', lat: 32.98, long: 114.022, media_url: null,
      requested_datetime: expect.stringMatching(ISO_CST), updated_datetime: expect.stringMatching(ISO_CST), expected_datetime: expect.stringMatching(ISO_CST),
    });
    expect(Date.parse(request!.expected_datetime as string)).toBeGreaterThan(Date.parse(request!.requested_datetime as string));
    expect((await both('requests/AJ20200101-99999', 'errors')).status).toBe(404);
  });

  it('takes a JSON body too, and masks contact details typed into the public description', async () => {
    const res = await post('json', { api_key: 'demo-open311-key', service_code: 'noise', lat: 32.981, long: 114.021, description: '夜间施工 <b>扰民</b> & 噪声大，我的电话 13812345678', attribute: { PRIORITY: 'urgent' } });
    expect(res.statusCode, res.body).toBe(200);
    const [{ service_request_id: id }] = res.json() as [{ service_request_id: string }];
    const c = (await t.app.inject({ url: `/api/v1/cases/${id}`, headers: auth(dispatcher) })).json() as Case;
    expect(c).toMatchObject({ category: 'noise', priority: 'urgent', source: 'open311' });
    expect(c.description).toContain('13812345678'); // staff see what was written
    const { body } = await both(`requests/${id}`, 'service_requests');
    expect((body as { description: string }[])[0]!.description).toBe('夜间施工 <b>扰民</b> & 噪声大，我的电话 [已隐去]');
    expect((await get(`requests/${id}.xml`)).body).toContain('<description>夜间施工 &lt;b&gt;扰民&lt;/b&gt; &amp; 噪声大，我的电话 [已隐去]</description>');
  });

  it('refuses a missing or invalid api_key with 403, in the spec\'s error example', async () => {
    const wrong = EXAMPLE_POST.replace('demo-open311-key', 'xyz');
    const json = await post('json', wrong);
    expect(json.statusCode).toBe(403);
    expect(json.json()).toEqual([{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
    const xml = await post('xml', wrong);
    expect(xml.statusCode).toBe(403);
    expect(xml.body).toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>403</code><description>Invalid api_key received -- can\'t proceed with create_request.</description></error></errors>\n');
    const none = await post('json', EXAMPLE_POST.replace('api_key=demo-open311-key&', ''));
    expect(none.statusCode).toBe(403);
    expect(none.json()[0].description).toMatch(/api_key was not provided/);
  });

  it('refuses bad requests with 400 (404 for an unknown service_code), each saying why, in the format asked for', async () => {
    const cases: [string, number, RegExp][] = [
      [EXAMPLE_POST.replace('service_code=street_dirty&', ''), 400, /service_code was not provided/],
      [EXAMPLE_POST.replace('service_code=street_dirty', 'service_code=001'), 404, /'001' was not found/],
      [EXAMPLE_POST.replace('lat=32.98', 'lat=NaN'), 400, /lat must be a WGS84 decimal degree/],
      [EXAMPLE_POST.replace('lat=32.98', 'lat=132.98'), 400, /between -90 and 90/],
      [EXAMPLE_POST.replace('long=114.022', 'long=abc'), 400, /long must be/],
      [EXAMPLE_POST.replace('lat=32.98&long=114.022&', ''), 400, /address_string and address_id alone cannot be located/],
      [EXAMPLE_POST.replace('lat=32.98&long=114.022', 'lat=40.7128&long=-74.006'), 400, /outside the service area/],
      [EXAMPLE_POST.replace('attribute[PRIORITY]=high', 'attribute[WHISPAWN]=123456'), 400, /'WHISPAWN' is not one/],
    ];
    for (const [body, status, message] of cases) {
      const json = await post('json', body);
      expect(json.statusCode, body).toBe(status);
      expect(json.json()).toEqual([{ code: status, description: expect.stringMatching(message) }]);
      const xml = await post('xml', body);
      expect(xml.statusCode).toBe(status);
      expect(XMLValidator.validate(xml.body)).toBe(true);
      expect(xmlParser.parse(xml.body)).toEqual({ errors: { error: [{ code: String(status), description: expect.stringMatching(message) }] } });
    }
    const garbage = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: '{"api_key":', headers: { 'content-type': 'application/json' } });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toEqual([{ code: 400, description: expect.any(String) }]);
    const array = await post('json', [1, 2]);
    expect(array.statusCode).toBe(400);
  });

  it('filters GET requests by id list, service_code, status and W3C date range, and checks each filter', async () => {
    const created: string[] = [];
    for (const code of ['road_damage', 'greening']) {
      const res = await post('json', EXAMPLE_POST.replace('service_code=street_dirty', `service_code=${code}`));
      created.push((res.json() as [{ service_request_id: string }])[0].service_request_id);
    }
    const [damage, greening] = created as [string, string];
    const ids = (r: { body: unknown }) => (r.body as { service_request_id: string }[]).map((x) => x.service_request_id);

    expect(ids(await both(`requests?service_request_id=${damage},AJ20200101-99999,${greening}`, 'service_requests')).sort()).toEqual([damage, greening].sort());
    expect(ids(await both('requests?service_code=road_damage,greening', 'service_requests')).sort()).toEqual([damage, greening].sort());
    expect(ids(await both('requests?service_code=road_damage&service_code=greening&status=open', 'service_requests')).sort()).toEqual([damage, greening].sort());
    expect(ids(await both('requests?service_code=road_damage&status=closed', 'service_requests'))).toEqual([]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(ids(await both(`requests?service_code=greening&start_date=${today}T00:00:00%2B08:00`, 'service_requests'))).toEqual([greening]);
    expect(ids(await both('requests?service_code=greening&start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z', 'service_requests'))).toEqual([]);
    const all = ids(await both('requests', 'service_requests'));
    expect(all).toEqual(expect.arrayContaining([damage, greening]));

    for (const [query, message] of [
      ['start_date=yesterday', /start_date must be one W3C date-time/],
      ['start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', /more than 90 days/],
      ['start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z', /after end_date/],
      ['status=pending', /status takes open and\/or closed/],
      ['service_code=pothole', /'pothole' is not a service/],
    ] as const) {
      const res = await both(`requests?${query}`, 'errors');
      expect(res.status, query).toBe(400);
      expect(res.body).toEqual([{ code: 400, description: expect.stringMatching(message) }]);
    }
  });

  it('reports a voided case as closed, with the time it was closed', async () => {
    const [{ service_request_id: id }] = (await post('json', EXAMPLE_POST)).json() as [{ service_request_id: string }];
    const rejected = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/transitions`, headers: auth(dispatcher), payload: { action: 'reject', reason: '重复上报' } });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const closedAt = (rejected.json() as Case).closedAt!;
    const { body } = await both(`requests/${id}`, 'service_requests');
    expect((body as Record<string, unknown>[])[0]).toMatchObject({ status: 'closed', status_notes: '当前环节：作废（Rejected）' });
    expect(Date.parse((body as { updated_datetime: string }[])[0]!.updated_datetime)).toBe(Math.floor(closedAt / 1000) * 1000);
    expect((await both(`requests?service_request_id=${id}&status=open`, 'service_requests')).body).toHaveLength(1); // ids override filters
    expect((await both('requests?status=closed', 'service_requests')).body).toEqual(expect.arrayContaining([expect.objectContaining({ service_request_id: id })]));
  });

  it('maps a token to its service_request_id (a realtime request is its own token)', async () => {
    const [{ service_request_id: id }] = (await post('json', EXAMPLE_POST)).json() as [{ service_request_id: string }];
    const { status, body } = await both(`tokens/${id}`, 'service_requests');
    expect(status).toBe(200);
    expect(body).toEqual([{ service_request_id: id, token: id }]);
    expect((await both('tokens/12345', 'errors')).status).toBe(404);
  });

  it('answers unknown GeoReport paths with 404 in the spec\'s error format', async () => {
    const xml = await get('nothing.xml');
    expect(xml.statusCode).toBe(404);
    expect(xmlParser.parse(xml.body)).toEqual({ errors: { error: [{ code: '404', description: expect.stringContaining('discovery.json') }] } });
    expect((await get('services.csv')).json()).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('lets only the admin issue, list and revoke keys; an issued key files requests under its label until revoked', async () => {
    const admin = await t.login('admin');
    const url = '/api/v1/admin/open311-keys';
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    expect((await t.app.inject({ url, headers: auth(dispatcher) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url, headers: auth(admin), payload: { label: 'bad label!' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url, headers: auth(admin), payload: { label: 'demo' } })).statusCode).toBe(409);

    const issued = await t.app.inject({ method: 'POST', url, headers: auth(admin), payload: { label: '12345-hotline' } });
    expect(issued.statusCode, issued.body).toBe(201);
    const { id, key } = issued.json() as { id: string; key: string };
    expect(key).toMatch(/^o311_/);
    expect((await t.app.inject({ method: 'POST', url, headers: auth(admin), payload: { label: '12345-hotline' } })).statusCode).toBe(409);
    const listed = (await t.app.inject({ url, headers: auth(admin) })).json() as Record<string, unknown>[];
    expect(listed).toEqual([{ id, label: '12345-hotline', createdAt: expect.any(Number), revokedAt: null }]);

    const filed = await post('json', EXAMPLE_POST.replace('demo-open311-key', encodeURIComponent(key)));
    expect(filed.statusCode, filed.body).toBe(200);
    const [{ service_request_id: caseId }] = filed.json() as [{ service_request_id: string }];
    expect(((await t.app.inject({ url: `/api/v1/cases/${caseId}`, headers: auth(dispatcher) })).json() as Case).reporter).toBe('open311:12345-hotline');

    expect((await t.app.inject({ method: 'DELETE', url: `${url}/${id}`, headers: auth(admin) })).json()).toEqual({ ok: true });
    expect((await post('json', EXAMPLE_POST.replace('demo-open311-key', encodeURIComponent(key)))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `${url}/${id}`, headers: auth(admin) })).statusCode).toBe(404);
  });
});

describe('Open311 outside demo mode and under load', () => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp({ DEMO: '0', ADMIN_PASSWORD: 'a-long-admin-secret', OPEN311_RATE_MAX: '3' }); });
  afterAll(async () => { await t.close(); });

  it('does not accept the demo key, and rate-limits POSTs with 429 in the spec\'s error format', async () => {
    const send = () => t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: EXAMPLE_POST, headers: FORM });
    for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(403);
    const limited = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', payload: EXAMPLE_POST, headers: FORM });
    expect(limited.statusCode).toBe(429);
    expect(xmlParser.parse(limited.body)).toEqual({ errors: { error: [{ code: '429', description: expect.stringMatching(/Rate limit exceeded/) }] } });
    // Reading stays open.
    expect((await t.app.inject({ url: '/open311/v2/services.json' })).statusCode).toBe(200);
  });
});
