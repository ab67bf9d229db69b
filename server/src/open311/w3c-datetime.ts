// Date-times as GeoReport v2 wants them: the W3C profile of ISO 8601 (www.w3.org/TR/NOTE-datetime).
// Everything we send is in China Standard Time (+08:00, no daylight saving), the city's own clock.

const CST_OFFSET_MS = 8 * 3600_000;
const W3C = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** An instant as `2026-11-27T18:09:51+08:00`. */
export function formatCst(ms: number): string {
  return `${new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Epoch ms of a W3C date-time, or null when it is not one. A value with a time must carry its zone
 *  (the note requires it); a bare date (2026, 2026-11, 2026-11-27) means its start in China time. */
export function parseW3cDatetime(text: string): number | null {
  const m = W3C.exec(text.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 2026-02-30 over into March; a date that does not exist is refused instead.
  if (new Date(utc).getUTCDate() !== day) return null;
  if (zone === undefined) return utc - CST_OFFSET_MS;
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const zh = Number(zone.slice(1, 3));
  const zm = Number(zone.slice(4, 6));
  if (zh > 14 || zm > 59) return null;
  return utc - sign * (zh * 3600_000 + zm * 60_000);
}
