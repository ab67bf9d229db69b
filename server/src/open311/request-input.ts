// The fields of a POSTed GeoReport service request, read from a form-encoded or JSON body and checked
// one by one, each refusal saying what was wrong. Contact details are kept apart from the public ones.
import { CASE_CATEGORY_BY_CODE } from '@cw/shared/domain/taxonomy';
import type { CasePriority } from '@cw/shared/domain/case';
import { Open311Error } from './format.ts';
import { PRIORITY_ATTRIBUTE, PRIORITY_KEYS } from './services.ts';

export interface ReporterContact {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  deviceId: string | null;
  accountId: string | null;
  mediaUrl: string | null;
}

export interface ServiceRequestInput {
  serviceCode: string;
  lat: number;
  long: number;
  addressString: string | null;
  description: string;
  priority: CasePriority | null;
  contact: ReporterContact;
}

export type RequestBody = Readonly<Record<string, unknown>>;

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const PHONE = /^[\d\s+()-]{3,40}$/;
const FORM_ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

const bad = (description: string) => new Open311Error(400, description);

/** A single text value; the spec treats an empty parameter like an absent one. */
function text(body: RequestBody, name: string, max: number): string | null {
  const v = body[name];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') throw bad(`${name} must be given once, as text`);
  const s = v.trim();
  if (s.length > max) throw bad(`${name} is longer than ${max} characters`);
  return s || null;
}

function isHttpUrl(s: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

function coordinate(body: RequestBody, name: 'lat' | 'long', limit: number): number | null {
  const s = text(body, name, 40);
  if (s === null) return null;
  const n = DECIMAL.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw bad(`${name} must be a WGS84 decimal degree between -${limit} and ${limit}, got "${s}"`);
  return n;
}

/** attribute[CODE]=v (form) or "attribute": {"CODE": v} (JSON), each value once or as a list. */
function attributes(body: RequestBody): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const add = (code: string, v: unknown) => out.set(code, [...(out.get(code) ?? []), ...(Array.isArray(v) ? v : [v])]);
  for (const [key, v] of Object.entries(body)) {
    const m = FORM_ATTRIBUTE.exec(key);
    if (m) add(m[1]!, v);
  }
  const json = body.attribute;
  if (json !== undefined) {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad('attribute must be an object of attribute codes to values');
    for (const [code, v] of Object.entries(json)) add(code, v);
  }
  return out;
}

function priorityOf(serviceCode: string, attrs: Map<string, unknown[]>): CasePriority | null {
  for (const code of attrs.keys()) {
    if (code !== PRIORITY_ATTRIBUTE) throw bad(`attribute '${code}' is not one service ${serviceCode} takes; see services/${serviceCode}.json`);
  }
  const values = (attrs.get(PRIORITY_ATTRIBUTE) ?? []).filter((v) => v !== '' && v !== null);
  if (values.length === 0) return null;
  const [value] = values;
  if (values.length > 1 || typeof value !== 'string' || !PRIORITY_KEYS.has(value)) {
    throw bad(`attribute[${PRIORITY_ATTRIBUTE}] takes one of ${[...PRIORITY_KEYS].join(', ')}`);
  }
  return value as CasePriority;
}

export function parseServiceRequest(body: RequestBody): ServiceRequestInput {
  const serviceCode = text(body, 'service_code', 60);
  if (!serviceCode) throw bad('service_code was not provided');
  if (!CASE_CATEGORY_BY_CODE.has(serviceCode)) throw new Open311Error(404, `service_code '${serviceCode}' was not found; see services.json`);

  const lat = coordinate(body, 'lat', 90);
  const long = coordinate(body, 'long', 180);
  const addressString = text(body, 'address_string', 200);
  if (lat === null || long === null) {
    // The spec lets address_string or address_id stand in for a location; we cannot geocode either,
    // and a case has to sit on the map.
    const given = lat !== null || long !== null ? 'only one of lat and long was provided' : 'no location was provided';
    throw bad(`${given}: send both lat and long (WGS84); address_string and address_id alone cannot be located`);
  }

  const email = text(body, 'email', 254);
  if (email && !EMAIL.test(email)) throw bad('email is not an e-mail address');
  const phone = text(body, 'phone', 40);
  if (phone && !PHONE.test(phone)) throw bad('phone may hold only digits, spaces and + - ( )');
  const mediaUrl = text(body, 'media_url', 2000);
  if (mediaUrl && !isHttpUrl(mediaUrl)) throw bad('media_url must be an http(s) URL');

  return {
    serviceCode, lat, long, addressString,
    description: text(body, 'description', 4000) ?? '',
    priority: priorityOf(serviceCode, attributes(body)),
    contact: {
      firstName: text(body, 'first_name', 100),
      lastName: text(body, 'last_name', 100),
      email,
      phone,
      deviceId: text(body, 'device_id', 200),
      accountId: text(body, 'account_id', 200),
      mediaUrl,
    },
  };
}

/** The reporter's details as a note for staff only (case events are behind login), or null if none. */
export function contactNote(c: ReporterContact): string | null {
  const name = [c.lastName, c.firstName].filter(Boolean).join(' ');
  const parts = [
    name && `姓名：${name}`, c.phone && `电话：${c.phone}`, c.email && `邮箱：${c.email}`,
    c.accountId && `账号：${c.accountId}`, c.deviceId && `设备：${c.deviceId}`, c.mediaUrl && `附件链接：${c.mediaUrl}`,
  ].filter(Boolean);
  return parts.length ? `Open311 上报人信息（仅内部可见）— ${parts.join('；')}` : null;
}

/** An application/x-www-form-urlencoded body as a plain record; a repeated name gives a list. */
export function parseFormBody(body: string): Record<string, string | string[]> {
  // No prototype: a field named __proto__ or constructor is just a field.
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
