import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';
import { buildDeviceListener, type DeviceListener } from './device-listener.ts';

describe('device listener (OsmAnd / Traccar Client)', () => {
  let t: TestApp;
  let devices: DeviceListener;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp();
    devices = buildDeviceListener(t.app.ingest);
    token = await t.login('dispatcher');
  });
  afterAll(async () => { await devices.close(); await t.close(); });

  const patrols = async () => (await t.app.inject({ url: '/api/v1/patrols', headers: { authorization: `Bearer ${token}` } })).json().patrols as { deviceId: string; position: { lon: number; lat: number; speed: number } | null; status: string }[];

  it('accepts the query form on GET and registers an unknown device in demo mode', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const res = await devices.inject({ url: `/?id=phone-1&lat=32.98&lon=114.02&timestamp=${ts}&speed=10&bearing=45&batt=80` });
    expect(res.statusCode).toBe(200);
    const p = (await patrols()).find((x) => x.deviceId === 'phone-1');
    expect(p?.position).toMatchObject({ lon: 114.02, lat: 32.98 });
    expect(p?.position?.speed).toBeCloseTo(5.144, 2);
    expect(p?.status).toBe('online');
  });

  it('accepts the query form on POST (form-encoded) and the Traccar Client JSON body', async () => {
    const form = await devices.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'deviceid=phone-2&location=32.97,114.03' });
    expect(form.statusCode).toBe(200);
    const json = await devices.inject({
      method: 'POST', url: '/', payload: {
        device_id: 'phone-3',
        location: { timestamp: new Date().toISOString(), coords: { latitude: 32.99, longitude: 114.01, speed: 2, heading: 90 }, battery: { level: 0.5 } },
      },
    });
    expect(json.statusCode).toBe(200);
    const ids = (await patrols()).map((p) => p.deviceId);
    expect(ids).toEqual(expect.arrayContaining(['phone-2', 'phone-3']));
  });

  it.each([
    ['/?id=x&lat=NaN&lon=114', 'coordinates are not numbers'],
    ['/?id=x&lat=95&lon=114', 'coordinates out of range'],
    ['/?id=x&lat=40&lon=-74', 'far outside the service area'],
    ['/?lat=32.98&lon=114.02', 'missing device id'],
    ['/?id=x&lat=32.98&lon=114.02&timestamp=garbage', 'unparsable timestamp'],
  ])('answers %s with 400 and a reason', async (url, reason) => {
    const res = await devices.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(reason);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await devices.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, payload: '{"device_id":' });
    expect(res.statusCode).toBe(400);
  });
});

describe('device listener without registration', () => {
  it('refuses unknown devices with 400', async () => {
    const t = await buildTestApp({ REGISTER_UNKNOWN_DEVICES: '0' });
    const devices = buildDeviceListener(t.app.ingest);
    const res = await devices.inject({ url: '/?id=stranger&lat=32.98&lon=114.02' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('unknown device stranger');
    await devices.close();
    await t.close();
  });
});

describe('device listener on a real socket', () => {
  let t: TestApp;
  let devices: DeviceListener;
  let url: string;
  beforeAll(async () => {
    t = await buildTestApp();
    devices = buildDeviceListener(t.app.ingest);
    await devices.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(devices.server.address() as import('node:net').AddressInfo).port}`;
  });
  afterAll(async () => { await devices.close(); await t.close(); });

  it('answers GET, form POST and JSON POST over HTTP/1.1 keep-alive', async () => {
    expect((await fetch(`${url}/?id=sock-1&lat=32.98&lon=114.02`)).status).toBe(200);
    const form = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'id=sock-1&lat=32.981&lon=114.021' });
    expect([form.status, await form.text()]).toEqual([200, 'OK']);
    const json = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ device_id: 'sock-1', location: { coords: { latitude: 32.982, longitude: 114.022 } } }) });
    expect(json.status).toBe(200);
    const p = t.app.live.byDeviceId('sock-1')!;
    expect(t.app.live.toPatrol(p, Date.now()).position).toMatchObject({ lat: 32.982, lon: 114.022 });
  });

  it('refuses a body over 64 KiB with 413, streamed or announced, and keeps serving', async () => {
    const big = `id=sock-2&lat=32.98&lon=114.02&pad=${'x'.repeat(70_000)}`;
    const announced = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big });
    expect(announced.status).toBe(413);
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
    const chunked = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(t.app.live.byDeviceId('sock-2')).toBeNull();
    expect((await fetch(`${url}/?id=sock-3&lat=32.98&lon=114.02`)).status).toBe(200);
  });

  it('answers other paths with 404 and other methods with 405', async () => {
    expect((await fetch(`${url}/api/v1/patrols`)).status).toBe(404);
    expect((await fetch(`${url}/?id=sock-4&lat=32.98&lon=114.02`, { method: 'PUT' })).status).toBe(405);
    expect(t.app.live.byDeviceId('sock-4')).toBeNull();
  });
});
