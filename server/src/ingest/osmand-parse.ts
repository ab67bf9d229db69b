// The OsmAnd / Traccar Client protocol, as real phones send it: query parameters on GET or POST
// (`id`, `lat`, `lon` or `location=lat,lon`, `timestamp`, `speed` in knots, …), or the JSON body of
// newer Traccar Client apps ({ device_id, location: { timestamp, coords: {...}, battery: {...} } }).
// Pure: returns a normalised report or the reason it was refused.

export interface DeviceReport {
  deviceId: string;
  lon: number;
  lat: number;
  time: number;
  /** m/s */
  speed: number;
  /** degrees 0–360 */
  heading: number;
  accuracy: number | null;
  altitude: number | null;
  /** percent */
  battery: number | null;
}

export type ParseResult = { ok: true; report: DeviceReport } | { ok: false; reason: string };

type Query = Record<string, unknown>;
const KNOT_MPS = 0.514444;
const MAX_FUTURE_MS = 10 * 60_000;
const DEVICE_ID = /^[\w.:@-]{1,64}$/;

function str(v: unknown): string | undefined {
  if (Array.isArray(v)) v = v[0];
  return typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined;
}

function num(v: unknown): number | undefined {
  const s = str(v);
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/** Unix seconds, unix milliseconds or an ISO-8601 string. */
export function parseTimestamp(v: unknown): number | null {
  const s = str(v)?.trim();
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

function finish(raw: {
  deviceId: string | undefined; lat: number | undefined; lon: number | undefined; time: unknown;
  speed: number | undefined; heading: number | undefined; accuracy: number | undefined;
  altitude: number | undefined; battery: number | undefined;
}, now: number): ParseResult {
  const { deviceId, lat, lon } = raw;
  if (!deviceId) return { ok: false, reason: 'missing device id (id or deviceid)' };
  if (!DEVICE_ID.test(deviceId)) return { ok: false, reason: 'device id must be 1–64 letters, digits or . : @ - _' };
  if (lat === undefined || lon === undefined) return { ok: false, reason: 'missing coordinates (lat and lon, or location=lat,lon)' };
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return { ok: false, reason: 'coordinates are not numbers' };
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return { ok: false, reason: 'coordinates out of range' };
  let time = now;
  if (raw.time !== undefined && raw.time !== null && raw.time !== '') {
    const t = parseTimestamp(raw.time);
    if (t === null) return { ok: false, reason: 'unparsable timestamp' };
    if (t > now + MAX_FUTURE_MS) return { ok: false, reason: 'timestamp is in the future' };
    time = t;
  }
  for (const [name, v] of [['speed', raw.speed], ['heading', raw.heading], ['accuracy', raw.accuracy], ['altitude', raw.altitude], ['battery', raw.battery]] as const) {
    if (v !== undefined && !Number.isFinite(v)) return { ok: false, reason: `${name} is not a number` };
  }
  const speed = raw.speed ?? 0;
  if (speed < 0 || speed > 150) return { ok: false, reason: 'speed out of range' };
  const heading = raw.heading ?? 0;
  return {
    ok: true,
    report: {
      deviceId, lat, lon, time, speed,
      heading: ((heading % 360) + 360) % 360,
      accuracy: raw.accuracy ?? null,
      altitude: raw.altitude ?? null,
      battery: raw.battery === undefined ? null : Math.max(0, Math.min(100, raw.battery)),
    },
  };
}

export function parseOsmandQuery(q: Query, now: number): ParseResult {
  let lat = num(q.lat);
  let lon = num(q.lon);
  const location = str(q.location);
  if ((lat === undefined || lon === undefined) && location) {
    const [a, b] = location.split(',');
    lat = num(a);
    lon = num(b);
  }
  const knots = num(q.speed);
  return finish({
    deviceId: str(q.id) ?? str(q.deviceid),
    lat, lon,
    time: q.timestamp ?? q.time,
    speed: knots === undefined ? undefined : knots * KNOT_MPS,
    heading: num(q.bearing) ?? num(q.heading),
    accuracy: num(q.accuracy) ?? num(q.hdop),
    altitude: num(q.altitude),
    battery: num(q.batt),
  }, now);
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

// A JSON field holds one value: a list where the app sends one is malformed, not "take the first"
// as for a query parameter given twice.
function jsonStr(v: unknown): string | undefined {
  return Array.isArray(v) ? undefined : str(v);
}

function jsonNum(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return NaN;
  return typeof v === 'number' ? v : num(v);
}

/** Traccar Client JSON: speed in m/s, battery level 0–1. */
export function parseOsmandJson(body: unknown, now: number): ParseResult {
  const root = obj(body);
  if (!root) return { ok: false, reason: 'body must be a JSON object' };
  const location = obj(root.location);
  if (!location) return { ok: false, reason: 'missing location object' };
  const coords = obj(location.coords);
  if (!coords) return { ok: false, reason: 'missing location.coords' };
  const level = jsonNum(obj(location.battery)?.level);
  const speed = jsonNum(coords.speed);
  return finish({
    deviceId: jsonStr(root.device_id) ?? jsonStr(root.deviceId) ?? jsonStr(root.id),
    lat: jsonNum(coords.latitude),
    lon: jsonNum(coords.longitude),
    time: location.timestamp,
    // The apps send -1 for an unknown speed or heading.
    speed: speed !== undefined && speed < 0 ? 0 : speed,
    heading: (() => { const h = jsonNum(coords.heading); return h !== undefined && h < 0 ? 0 : h; })(),
    accuracy: jsonNum(coords.accuracy),
    altitude: jsonNum(coords.altitude),
    battery: level === undefined ? undefined : level <= 1 ? level * 100 : level,
  }, now);
}
