import { describe, expect, it } from 'vitest';
import { parseQueryString, readDeviceRequest } from './device-request.ts';

const NOW = Date.parse('2026-11-27T08:00:00Z');
const form = 'application/x-www-form-urlencoded';
const read = (method: string, url: string, type?: string, body?: string | Buffer) =>
  readDeviceRequest(method, url, type, body === undefined ? null : Buffer.from(body), NOW);

describe('query strings', () => {
  it('decodes names and values, + as a space, and makes a repeated name a list', () => {
    expect({ ...parseQueryString('id=a%2Fb&x=1+2&x=3&x=4&flag&=v&&') }).toEqual({ id: 'a/b', x: ['1 2', '3', '4'], flag: '', '': 'v' });
  });
  it('holds __proto__ as an ordinary name', () => {
    const q = parseQueryString('__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(q)).toBeNull();
    expect(q.__proto__).toBe('x');
  });
  it('throws URIError on a malformed escape', () => {
    expect(() => parseQueryString('id=%zz')).toThrow(URIError);
    expect(() => parseQueryString('id=%FF')).toThrow(URIError);
  });
});

describe('device requests', () => {
  it('reads the query of a GET, HEAD or body-less POST', () => {
    for (const m of ['GET', 'HEAD', 'POST']) {
      expect(read(m, '/?id=p1&lat=32.98&lon=114.02&speed=10')).toMatchObject({ ok: true, report: { deviceId: 'p1', lat: 32.98, lon: 114.02, time: NOW } });
    }
    expect(read('POST', '/?deviceid=p1&location=32.9,114.1', '', '')).toMatchObject({ ok: true, report: { lat: 32.9, lon: 114.1 } });
  });
  it('merges a form body under the query (the query wins)', () => {
    expect(read('POST', '/?lat=32.5', form, 'id=p2&lat=32.98&lon=114.02')).toMatchObject({ ok: true, report: { deviceId: 'p2', lat: 32.5 } });
    expect(read('POST', '/', `${form}; charset=UTF-8`, 'id=p2&lat=32.98&lon=114.02')).toMatchObject({ ok: true });
  });
  it('reads the Traccar Client JSON body, and a flat JSON object as fields', () => {
    const body = JSON.stringify({ device_id: 'p3', location: { timestamp: '2026-11-27T07:59:00Z', coords: { latitude: 32.99, longitude: 114.01, speed: 2 }, battery: { level: 0.5 } } });
    expect(read('POST', '/', 'Application/JSON; charset=utf-8', body)).toMatchObject({ ok: true, report: { deviceId: 'p3', lat: 32.99, speed: 2, battery: 50 } });
    expect(read('POST', '/', 'application/json', '{"id":"p4","lat":"32.9","lon":"114.1"}')).toMatchObject({ ok: true, report: { deviceId: 'p4' } });
  });
  it('ignores a text/plain body and reads the query', () => {
    expect(read('POST', '/?id=p5&lat=32.98&lon=114.02', 'text/plain', 'hello')).toMatchObject({ ok: true, report: { deviceId: 'p5' } });
  });
  it.each([
    ['GET', '/other?id=x&lat=1&lon=2', undefined, undefined, 404, 'no route'],
    ['DELETE', '/?id=x&lat=1&lon=2', undefined, undefined, 405, 'not allowed'],
    ['GET', '/?id=x&lat=NaN&lon=114', undefined, undefined, 400, 'coordinates are not numbers'],
    ['GET', '/?id=x&lat=95&lon=114', undefined, undefined, 400, 'coordinates out of range'],
    ['GET', '/?lat=32.98&lon=114.02', undefined, undefined, 400, 'missing device id'],
    ['GET', '/?id=a%00b&lat=32.98&lon=114.02', undefined, undefined, 400, 'device id must be'],
    ['GET', '/?id=x&lat=%E0%A4&lon=114', undefined, undefined, 400, 'malformed percent-encoding'],
    ['GET', '/?id=x&lat=32.98&lon=114.02&timestamp=garbage', undefined, undefined, 400, 'unparsable timestamp'],
    ['POST', '/', 'application/json', '{"device_id":', 400, 'not valid JSON'],
    ['POST', '/', 'application/json', '{"device_id":"x","location":{"coords":{"latitude":1e999,"longitude":114}}}', 400, 'finite'],
    ['POST', '/', 'application/json', '{"__proto__":{"id":"x"},"lat":"1","lon":"2"}', 400, '__proto__'],
    ['POST', '/', 'application/json', '{"constructor":{"prototype":{}},"id":"x","lat":"1","lon":"2"}', 400, 'constructor.prototype'],
    ['POST', '/', 'application/json', `${'['.repeat(100)}${']'.repeat(100)}`, 400, 'nested deeper'],
    ['POST', '/', 'application/json', '{"device_id":"a\\u0000b"}', 400, 'NUL'],
    ['POST', '/', 'application/json', Buffer.from([0x7b, 0xff, 0x7d]), 400, 'not valid UTF-8'],
    ['POST', '/', form, Buffer.from([0x69, 0x64, 0x3d, 0xff]), 400, 'not valid UTF-8'],
    ['POST', '/', 'application/xml', '<id>x</id>', 415, 'unsupported Content-Type application/xml'],
    ['POST', '/', undefined, 'id=x&lat=1&lon=2', 415, 'needs a Content-Type'],
  ])('%s %s (%s) → %i', (method, url, type, body, status, reason) => {
    const r = read(method, url, type, body);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(status);
      expect(r.reason).toContain(reason);
    }
  });
});
