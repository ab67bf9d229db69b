import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Value from 'typebox/value';
import { PatrolDirectory } from '@cw/shared/realtime/patrol-directory';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';

describe('GET /api/v1/patrols/directory', () => {
  let t: TestApp;
  let wall: string;
  beforeAll(async () => {
    t = await buildTestApp();
    wall = await t.login('wall');
  });
  afterAll(async () => t.close());

  const get = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/v1/patrols/directory', headers: { authorization: `Bearer ${wall}`, ...headers } });

  it('answers every patrol, compressed when the client accepts it, with an ETag to revalidate', async () => {
    const plain = await get();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('private, no-cache');
    const dir = plain.json() as PatrolDirectory;
    expect(Value.Check(PatrolDirectory, dir)).toBe(true);
    expect(dir.patrols.map((p) => p.id)).toEqual(t.app.live.all().map((p) => p.id));

    const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(dir);
    const gz = await get({ 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(dir);

    const again = await get({ 'if-none-match': String(plain.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('changes its ETag when a patrol joins', async () => {
    const before = await get();
    const r = await t.app.ingest.accept({
      deviceId: 'directory-new-1', lon: 114.02, lat: 32.98, time: Date.now(), speed: 0, heading: 0, accuracy: null, altitude: null, battery: null,
    });
    expect(r.ok).toBe(true);
    const after = await get({ 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((after.json() as PatrolDirectory).patrols.some((p) => p.index === t.app.live.byDeviceId('directory-new-1')!.index)).toBe(true);
  });

  it('refuses anonymous callers and patrol accounts', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/patrols/directory' })).statusCode).toBe(401);
    const patrol = await t.login('patrol1');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/patrols/directory', headers: { authorization: `Bearer ${patrol}` } })).statusCode).toBe(403);
  });
});
