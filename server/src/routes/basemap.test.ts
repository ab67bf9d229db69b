// GET/HEAD /api/v1/basemap.pmtiles: byte ranges as the browser's pmtiles reader asks for them,
// conditional requests, authentication; and what the basemap setting changes elsewhere (config, CSP).
import { mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'cw-basemap-route-'));
const file = join(dir, 'city.pmtiles');
/** A PMTiles v3 header (raster png, zooms 8–14) followed by 40,000 bytes numbered by position. */
function archiveBytes(seed: number): Buffer {
  const b = Buffer.alloc(127 + 40_000);
  b.write('PMTiles', 0, 'latin1');
  b[7] = 3;
  b[99] = 2;
  b[100] = 8;
  b[101] = 14;
  for (let i = 127; i < b.length; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}
const bytes = archiveBytes(1);
writeFileSync(file, bytes);
const URL_ = '/api/v1/basemap.pmtiles';

function cspDirective(header: unknown, name: string): string {
  return String(header).split(';').find((d) => d.startsWith(`${name} `)) ?? '';
}

describe('basemap archive route', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await buildTestApp({ BASEMAP: 'pmtiles', BASEMAP_PMTILES: file, BASEMAP_ATTRIBUTION: '测试底图' });
    auth = { authorization: `Bearer ${await t.login('wall')}` };
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a login, a session or a display token', async () => {
    expect((await t.app.inject({ method: 'GET', url: URL_, headers: { range: 'bytes=0-126' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'HEAD', url: URL_ })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: URL_, headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    const admin = await t.login('admin');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/auth/display-tokens', headers: { authorization: `Bearer ${admin}` }, payload: { label: 'wall-1' } });
    const display = (created.json() as { token: string }).token;
    const res = await t.app.inject({ method: 'GET', url: URL_, headers: { authorization: `Bearer ${display}`, range: 'bytes=0-6' } });
    expect(res.statusCode).toBe(206);
    expect(res.body).toBe('PMTiles');
  });

  it('answers ranges with 206, Content-Range and exactly those bytes, read after read', async () => {
    for (const [start, end] of [[0, 126], [127, 16_510], [30_000, 30_000], [40_000, 40_126]] as const) {
      const res = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: `bytes=${start}-${end}` } });
      expect(res.statusCode).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(Number(res.headers['content-length'])).toBe(end - start + 1);
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.headers['content-type']).toBe('application/vnd.pmtiles');
      expect(res.rawPayload.equals(bytes.subarray(start, end + 1))).toBe(true);
    }
  });

  it('clamps a range running past the end (the reader’s first 16 KiB of a small archive), and serves suffix ranges', async () => {
    const first = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=0-99999' } });
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-${bytes.length - 1}/${bytes.length}`);
    expect(first.rawPayload.equals(bytes)).toBe(true);
    const tail = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=-10' } });
    expect(tail.rawPayload.equals(bytes.subarray(-10))).toBe(true);
  });

  it('answers 416 with the size for ranges it cannot satisfy, and keeps serving', async () => {
    for (const range of [`bytes=${bytes.length}-`, 'bytes=500-100', 'bytes=abc']) {
      const res = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range } });
      expect(res.statusCode, range).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${bytes.length}`);
      expect(res.json()).toMatchObject({ statusCode: 416, error: 'Range Not Satisfiable' });
    }
    expect((await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=0-6' } })).statusCode).toBe(206);
  });

  it('sends the whole archive without a Range, and for several ranges', async () => {
    for (const headers of [auth, { ...auth, range: 'bytes=0-1,5-9' }]) {
      const res = await t.app.inject({ method: 'GET', url: URL_, headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-range']).toBeUndefined();
      expect(res.rawPayload.equals(bytes)).toBe(true);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: URL_, headers: auth });
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(bytes.length);
    expect(res.headers.etag).toMatch(/^"pm-/);
    expect(res.rawPayload.length).toBe(0);
    const part = await t.app.inject({ method: 'HEAD', url: URL_, headers: { ...auth, range: 'bytes=10-19' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${bytes.length}`);
    expect(part.rawPayload.length).toBe(0);
  });

  it('honours If-None-Match and If-Range by the ETag, which changes when the file is replaced', async () => {
    const first = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=0-126' } });
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect((await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, 'if-none-match': etag } })).statusCode).toBe(304);
    const same = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=200-299', 'if-range': etag } });
    expect(same.statusCode).toBe(206);
    const byDate = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=200-299', 'if-range': lastModified } });
    expect(byDate.statusCode).toBe(206);
    const stale = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=200-299', 'if-range': '"pm-old"' } });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.equals(bytes)).toBe(true);

    const replaced = archiveBytes(2);
    writeFileSync(file, replaced);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=200-299', 'if-range': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.rawPayload.equals(replaced)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, 'if-none-match': etag } })).statusCode).toBe(200);
    writeFileSync(file, bytes);
  });

  it('answers 503 while the file is gone, and serves again once it is back', async () => {
    unlinkSync(file);
    const res = await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=0-6' } });
    expect(res.statusCode).toBe(503);
    writeFileSync(file, bytes);
    expect((await t.app.inject({ method: 'GET', url: URL_, headers: { ...auth, range: 'bytes=0-6' } })).body).toBe('PMTiles');
  });

  it('tells the clients where the archive is, and the CSP allows no other host', async () => {
    const cfg = await t.app.inject({ method: 'GET', url: '/api/v1/config', headers: auth });
    expect(cfg.json().basemap).toEqual({ kind: 'pmtiles', path: URL_, format: 'raster', minZoom: 8, maxZoom: 14, attribution: '测试底图' });
    expect(cspDirective(cfg.headers['content-security-policy'], 'connect-src')).toBe("connect-src 'self' ws: wss:");
    expect(cspDirective(cfg.headers['content-security-policy'], 'img-src')).toBe("img-src 'self' data: blob:");
  });
});

describe('without a basemap archive', () => {
  it('has no archive route and says basemap none', async () => {
    const t = await buildTestApp();
    try {
      const auth = { authorization: `Bearer ${await t.login('wall')}` };
      expect((await t.app.inject({ method: 'GET', url: URL_, headers: auth })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/config', headers: auth })).json().basemap).toEqual({ kind: 'none' });
    } finally {
      await t.close();
    }
  });

  it('with Tianditu, the CSP allows its eight tile hosts and no other', async () => {
    const t = await buildTestApp({ BASEMAP: 'tianditu', TIANDITU_KEY: '0123456789abcdef0123456789abcdef' });
    try {
      const csp = (await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy'];
      const hosts = Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`).join(' ');
      expect(cspDirective(csp, 'connect-src')).toBe(`connect-src 'self' ws: wss: ${hosts}`);
      expect(cspDirective(csp, 'img-src')).toBe(`img-src 'self' data: blob: ${hosts}`);
    } finally {
      await t.close();
    }
  });
});
