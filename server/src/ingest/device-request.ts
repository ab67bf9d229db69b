// One request on the device port, as plain values: method, URL, content type and body in; the
// device's report, or the 4xx status and the reason, out. Pure, so every refusal is tested without
// a socket; device-listener.ts does the I/O. Forms the phones use: the query on GET or POST, a
// form-encoded body (merged under the query), and Traccar Client's JSON body.
import { parseOsmandJson, parseOsmandQuery, type DeviceReport } from './osmand-parse.ts';
import { BadInputError, decodeUtf8, refusal } from '../http/strict-input.ts';

export const DEVICE_BODY_LIMIT = 64 * 1024;

export type DeviceRequestResult = { ok: true; report: DeviceReport } | { ok: false; status: number; reason: string };

type Fields = Record<string, string | string[]>;

const refuse = (status: number, reason: string): DeviceRequestResult => ({ ok: false, status, reason });

function decodeComponent(s: string): string {
  if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
  // A malformed escape (`%zz`, a lone `%`, or bytes that are not UTF-8) throws URIError.
  return decodeURIComponent(s.indexOf('+') < 0 ? s : s.replace(/\+/g, ' '));
}

/** `a=1&b=2&a=3` → { a: ['1', '3'], b: '2' }, like Fastify's parser; a name given twice becomes a list. */
export function parseQueryString(qs: string): Fields {
  const out: Fields = Object.create(null) as Fields;
  let start = 0;
  while (start <= qs.length) {
    let end = qs.indexOf('&', start);
    if (end < 0) end = qs.length;
    if (end > start) {
      const eq = qs.indexOf('=', start);
      const hasValue = eq >= 0 && eq < end;
      const key = decodeComponent(qs.slice(start, hasValue ? eq : end));
      const value = hasValue ? decodeComponent(qs.slice(eq + 1, end)) : '';
      const prev = out[key];
      if (prev === undefined) out[key] = value;
      else if (Array.isArray(prev)) prev.push(value);
      else out[key] = [prev, value];
    }
    start = end + 1;
  }
  return out;
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
function mediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/** Keys that would reach an object's prototype if the value were ever merged: refused, as Fastify's
 *  JSON parser does. Walked iteratively; `refusal` has already bounded the depth. */
function prototypeKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    for (const [key, child] of Object.entries(v)) {
      if (key === '__proto__') return true;
      if (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype')) return true;
      stack.push(child);
    }
  }
  return false;
}

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) throw new BadInputError('empty_json', 'the JSON body is empty');
  const text = decodeUtf8(body);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadInputError('invalid_json', 'the body is not valid JSON');
  }
  const why = refusal(value);
  if (why) throw why;
  if (prototypeKey(value)) throw new BadInputError('prototype_key', 'the body may not hold __proto__ or constructor.prototype keys');
  return value;
}

/** Reads one device request. `body` is null when there was none (GET, or a POST without a body). */
export function readDeviceRequest(method: string, url: string, contentType: string | undefined, body: Buffer | null, now: number): DeviceRequestResult {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (path !== '/') return refuse(404, `no route ${path}: devices report to /`);
  if (method !== 'GET' && method !== 'POST' && method !== 'HEAD') return refuse(405, `method ${method} not allowed: use GET or POST`);
  try {
    const query = q < 0 ? (Object.create(null) as Fields) : parseQueryString(url.slice(q + 1));
    // Only the fields the protocol names are read, each checked by parseOsmandQuery.
    if (!body || body.length === 0) return parsed(parseOsmandQuery(query, now));
    switch (mediaType(contentType)) {
      case 'application/json': {
        const json = parseJsonBody(body);
        const loc = json !== null && typeof json === 'object' ? (json as { location?: unknown }).location : undefined;
        if (loc !== null && typeof loc === 'object') return parsed(parseOsmandJson(json, now));
        const fields = json !== null && typeof json === 'object' && !Array.isArray(json) ? { ...(json as Record<string, unknown>), ...query } : query;
        return parsed(parseOsmandQuery(fields, now));
      }
      case 'application/x-www-form-urlencoded': {
        return parsed(parseOsmandQuery({ ...parseQueryString(decodeUtf8(body)), ...query }, now));
      }
      case 'text/plain':
        return parsed(parseOsmandQuery(query, now));
      case '':
        return refuse(415, 'a body needs a Content-Type: application/x-www-form-urlencoded or application/json');
      default:
        return refuse(415, `unsupported Content-Type ${mediaType(contentType)}: use application/x-www-form-urlencoded or application/json`);
    }
  } catch (err) {
    if (err instanceof BadInputError) return refuse(400, err.message);
    if (err instanceof URIError) return refuse(400, 'malformed percent-encoding');
    throw err;
  }
}

function parsed(r: ReturnType<typeof parseOsmandQuery>): DeviceRequestResult {
  return r.ok ? r : refuse(400, r.reason);
}
