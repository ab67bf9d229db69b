// What the leader asked for — a time window, filters, a level — turned into the review API's query
// strings. Pure: the store and the panels build every URL here, so equal questions give equal URLs
// (codes sorted, keys in one order) and a repeated question can be recognised and skipped.
import { chinaDayNumber } from '../domain/china-time.ts';

export const REVIEW_API = '/api/v1/review';

export const FILTER_KEYS = ['category', 'item', 'state', 'district', 'street', 'community', 'unit'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Readonly<Record<FilterKey, readonly string[]>>;

export type AreaLevel = 'district' | 'street' | 'community' | 'cell';
export type RankLevel = 'district' | 'street' | 'community' | 'unit';
export type Metric = 'count' | 'overdue_rate' | 'mean_handling';

/** A span of time, epoch ms, `from` inclusive and `to` exclusive (cases *created* in it). */
export interface TimeWindow {
  from: number;
  to: number;
}

export const EMPTY_FILTERS: Filters = Object.freeze({
  category: [], item: [], state: [], district: [], street: [], community: [], unit: [],
});

type Param = string | number | boolean | undefined | null;

/** `/api/v1/review/<path>?k=v…` with the parameters in the given order, empty ones left out. */
export function reviewUrl(path: string, params: Readonly<Record<string, Param>> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return `${REVIEW_API}/${path}${s ? `?${s}` : ''}`;
}

/** The filter parameters: each non-empty list as sorted, de-duplicated, comma-joined codes. */
export function filterParams(filters: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const codes = [...new Set(filters[key])].sort();
    if (codes.length > 0) out[key] = codes.join(',');
  }
  return out;
}

export function windowParams(w: TimeWindow): { from: number; to: number } {
  return { from: w.from, to: w.to };
}

export function isFiltered(filters: Filters): boolean {
  return FILTER_KEYS.some((k) => filters[k].length > 0);
}

/** Adds or removes one code of one filter (a new object; the old one is untouched). */
export function toggleCode(filters: Filters, key: FilterKey, code: string): Filters {
  const have = filters[key];
  const next = have.includes(code) ? have.filter((c) => c !== code) : [...have, code];
  return { ...filters, [key]: next };
}

export function withCodes(filters: Filters, key: FilterKey, codes: readonly string[]): Filters {
  return { ...filters, [key]: [...codes] };
}

// --- China days ---------------------------------------------------------------------------------

export const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;

/** Epoch ms of 00:00 China time on the China day that contains `ms`. */
export function chinaMidnight(ms: number): number {
  return chinaDayNumber(ms) * DAY_MS - CST_MS;
}

/** 'YYYY-MM-DD' (China) of an instant. */
export function chinaDate(ms: number): string {
  return new Date(ms + CST_MS).toISOString().slice(0, 10);
}

/** 00:00 China time of a 'YYYY-MM-DD' date, or null if it is not one. */
export function parseChinaDate(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00+08:00`);
  return Number.isNaN(ms) ? null : ms;
}

/** Whole China days a window spans (a partial day counts as one). */
export function windowDays(w: TimeWindow): number {
  return Math.max(1, Math.ceil((w.to - chinaMidnight(w.from)) / DAY_MS));
}

export type WindowPreset = 'today' | '7d' | '30d' | '90d' | '365d';
export const WINDOW_PRESETS: readonly WindowPreset[] = ['today', '7d', '30d', '90d', '365d'];
const PRESET_DAYS: Record<WindowPreset, number> = { today: 1, '7d': 7, '30d': 30, '90d': 90, '365d': 365 };

/** The last n China days, today included: from n−1 midnights ago to tomorrow's midnight. */
export function presetWindow(preset: WindowPreset, now: number): TimeWindow {
  const today = chinaMidnight(now);
  return { from: today - (PRESET_DAYS[preset] - 1) * DAY_MS, to: today + DAY_MS };
}

/** Whole China days from the first date to the last date, both included. */
export function dateWindow(firstDate: string, lastDate: string): TimeWindow | null {
  const a = parseChinaDate(firstDate);
  const b = parseChinaDate(lastDate);
  if (a === null || b === null || b < a) return null;
  return { from: a, to: b + DAY_MS };
}

export type ComparePreset = 'previous' | 'lastYear';

/** The period a window is compared with: the equally long one just before, or a year earlier. */
export function compareWindow(w: TimeWindow, preset: ComparePreset): TimeWindow {
  if (preset === 'previous') return { from: w.from - (w.to - w.from), to: w.from };
  return { from: w.from - 364 * DAY_MS, to: w.to - 364 * DAY_MS };
}

// --- reading query strings back (the printable report opens from a URL) -------------------------

/** Window and filters from a route query, as `reviewUrl` wrote them; null if the window is missing. */
export function readQuery(query: Readonly<Record<string, unknown>>): { window: TimeWindow; filters: Filters } | null {
  const from = Number(query.from);
  const to = Number(query.to);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from >= to) return null;
  const filters = { ...EMPTY_FILTERS } as Record<FilterKey, readonly string[]>;
  for (const key of FILTER_KEYS) {
    const v = query[key];
    if (typeof v === 'string' && v !== '') filters[key] = v.split(',').filter(Boolean);
  }
  return { window: { from, to }, filters };
}
