// What operators and their tools see: request ids in answers and JSON logs, health and readiness,
// Prometheus metrics, and the OpenAPI description with its offline UI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';
import { buildDeviceListener } from '../ingest/device-listener.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from '../build-app.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp(); });
  afterAll(async () => t.close());

  it('logs JSON lines carrying the request id it answers with, keeping a caller\'s plain x-request-id', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const dir = mkdtempSync(join(tmpdir(), 'cw-ops-'));
    const app = await buildApp({ config: loadConfig({ DEMO: '1', DATA_DIR: dir, SIMULATE: '0', CLIENT_DIST: '' }) }, { level: 'info', stream });
    try {
      const given = await app.inject({ url: '/api/v1/config', headers: { 'x-request-id': 'lb-7f3a.42' } });
      expect(given.statusCode).toBe(401);
      expect(given.headers['x-request-id']).toBe('lb-7f3a.42');
      const forged = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'evil\nline {"level":60}' } });
      const ownId = String(forged.headers['x-request-id']);
      expect(ownId).toMatch(/^[0-9a-f-]{36}$/);
      const logged = lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string });
      expect(logged.filter((l) => l.reqId === 'lb-7f3a.42').map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
      expect(logged.some((l) => l.reqId === ownId)).toBe(true);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is ready while the store answers and says so when it does not', async () => {
    expect((await t.app.inject({ url: '/api/ready' })).json()).toEqual({ status: 'ok', store: 'up', redis: 'off' });
    const ping = t.app.store.ping;
    t.app.store.ping = async () => false;
    try {
      const ready = await t.app.inject({ url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', store: 'down', redis: 'off' });
      const health = await t.app.inject({ url: '/api/health' });
      expect([health.statusCode, health.json().status]).toEqual([200, 'degraded']);
    } finally {
      t.app.store.ping = ping;
    }
  });

  it('exports Prometheus metrics: positions, sockets by role, cases by state, event-loop lag, frame sizes', async () => {
    const devices = buildDeviceListener(t.app.ingest);
    for (let k = 0; k < 3; k++) expect((await devices.inject({ url: `/?id=ops-${k}&lat=32.98&lon=114.02` })).statusCode).toBe(200);
    await devices.close();
    const token = await t.login('dispatcher');
    await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` }, payload: { category: 'street_dirty', lon: 114.02, lat: 32.98 } });
    t.app.metrics.frameBytes.observe(300);

    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    const value = (line: string) => Number(text.split('\n').find((l) => l.startsWith(`${line} `))?.split(' ')[1]);
    expect(value('cw_positions_accepted_total')).toBe(3);
    expect(value('cw_cases{state="reported"}')).toBe(1);
    expect(value('cw_cases{state="closed"}')).toBe(0);
    expect(value('cw_case_events_total')).toBe(1);
    expect(value('cw_connected_sockets{role="wall"}')).toBe(0);
    // The one observed here, plus any frame a tick has sent meanwhile.
    expect(value('cw_frame_bytes_count')).toBeGreaterThanOrEqual(1);
    expect(value('cw_event_loop_lag_seconds{quantile="0.99"}')).toBeGreaterThanOrEqual(0);
    expect(value('cw_dependency_up{dependency="store"}')).toBe(1);
    for (const name of ['cw_positions_per_second', 'cw_cases_overdue', 'cw_process_resident_memory_bytes']) expect(text).toContain(`\n${name} `);
  });

  it('describes the REST API as OpenAPI 3.1 from the route schemas, with an offline UI, data still behind login', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json() as {
      openapi: string; paths: Record<string, Record<string, { security?: unknown[]; tags?: string[]; requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>>;
    };
    expect(spec.openapi).toBe('3.1.0');
    const create = spec.paths['/api/v1/cases']!.post!;
    expect(create.tags).toEqual(['cases']);
    expect(create.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(create.requestBody!.content['application/json']!.schema.required).toEqual(['category', 'lon', 'lat']);
    expect(spec.paths['/api/health']!.get!.security).toBeUndefined();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/cases/{id}/transitions', '/open311/v2/requests.json', '/metrics', '/api/ready']));

    const ui = await t.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui');
    // Everything the page loads comes from this server.
    expect(ui.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    const csp = String(ui.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https:|validator|upgrade-insecure-requests/);
    const script = /src="\.\/([^"]+\.js)"/.exec(ui.body)?.[1];
    expect(script).toBeDefined();
    expect((await t.app.inject({ url: `/api/docs/${script}` })).statusCode).toBe(200);

    expect((await t.app.inject({ url: '/api/v1/cases' })).statusCode).toBe(401);
  });
});
