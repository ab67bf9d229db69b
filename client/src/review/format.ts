// Numbers as the review prints them: rates in percent, durations in hours, counts grouped.
const HOUR_MS = 3_600_000;

export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;
}

export function hours(ms: number | null | undefined, digits = 1): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? '—' : (ms / HOUR_MS).toFixed(digits);
}

export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-US');
}

/** A signed change, e.g. "+12.5%" of b over a; "—" when a is zero or either is missing. */
export function change(b: number | null | undefined, a: number | null | undefined): string {
  if (b === null || b === undefined || a === null || a === undefined || a === 0) return '—';
  const r = (b - a) / a;
  return `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;
}

/** A signed difference in percentage points (for rates). */
export function points(b: number | null | undefined, a: number | null | undefined): string {
  if (b === null || b === undefined || a === null || a === undefined) return '—';
  const d = (b - a) * 100;
  return `${d >= 0 ? '+' : ''}${d.toFixed(1)}`;
}

/** 'MM-DD HH:mm' China time. */
export function chinaMinute(ms: number): string {
  return new Date(ms + 8 * HOUR_MS).toISOString().slice(5, 16).replace('T', ' ');
}
