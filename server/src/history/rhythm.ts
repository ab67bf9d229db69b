// When problems get reported: a weekly rhythm (quieter weekends and holidays), a mild summer peak,
// campaigns (集中整治) that find more problems, and each kind of problem's hours of the day
// (school gates at 7–8 and 16–18, markets at dawn, noise at night, traffic at the rush hours).
import type { WorkCalendar } from '@cw/shared/domain/work-calendar';
import { cstDay, cstDayStart } from '../review/days.ts';

export interface Campaign {
  name: string;
  /** CST day numbers, inclusive. */
  firstDay: number;
  lastDay: number;
  /** Multiplies the day's reports; handling is faster by the same factor's square root. */
  boost: number;
}

export type HourProfile = 'daytime' | 'school' | 'market' | 'night' | 'traffic';

// Relative reports per hour 0–23, CST.
const PROFILES: Record<HourProfile, readonly number[]> = {
  daytime: [1, 0.5, 0.3, 0.3, 0.4, 1, 3, 6, 9, 11, 11, 9, 5, 4, 6, 9, 10, 9, 7, 5, 4, 3, 2, 1],
  school: [0, 0, 0, 0, 0, 0, 2, 14, 10, 2, 1, 3, 4, 2, 2, 3, 10, 14, 5, 1, 0, 0, 0, 0],
  market: [0.5, 0.3, 0.3, 1, 4, 10, 14, 13, 9, 6, 5, 4, 3, 2, 2, 3, 6, 9, 8, 5, 3, 2, 1, 0.5],
  night: [6, 4, 2, 1, 0.5, 0.5, 1, 2, 2, 2, 2, 2, 3, 3, 2, 2, 2, 3, 5, 8, 10, 11, 10, 8],
  traffic: [0.5, 0.3, 0.2, 0.2, 0.3, 1, 5, 12, 11, 5, 4, 4, 5, 4, 4, 5, 7, 12, 11, 6, 3, 2, 1, 0.5],
};

export const CATEGORY_PROFILE: Record<string, HourProfile> = {
  school_surroundings: 'school', culture_env: 'school',
  market_disorder: 'market', food_safety: 'market', road_vending: 'market',
  noise: 'night', public_security: 'night', muck_truck: 'night',
  traffic_order: 'traffic', illegal_parking: 'traffic',
};

const WEEKDAY_FACTOR = [1.05, 1, 1, 1, 0.95, 0.7, 0.6]; // Monday … Sunday
const HOLIDAY_FACTOR = 0.55;

/** ISO weekday 1–7 of a CST day number (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): number {
  return ((day + 3) % 7) + 1;
}

export function isoDate(day: number): string {
  return new Date(cstDayStart(day) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function isWorkday(day: number, cal: WorkCalendar): boolean {
  const date = isoDate(day);
  if (cal.holidays.has(date)) return false;
  return weekdayOf(day) <= 5 || cal.workdays.has(date);
}

/** The push before each assessment (45 days up to `assessmentMmdd`) and a spring clean-up (3 weeks
 *  from 1 March), for every year the range touches. */
export function campaignsFor(firstDay: number, lastDay: number, assessmentMmdd: string): Campaign[] {
  const out: Campaign[] = [];
  const y0 = Number(isoDate(firstDay).slice(0, 4));
  const y1 = Number(isoDate(lastDay).slice(0, 4));
  const dayOf = (iso: string) => cstDay(Date.parse(`${iso}T00:00:00+08:00`));
  for (let y = y0; y <= y1; y++) {
    const assessment = dayOf(`${y}-${assessmentMmdd}`);
    out.push({ name: `${y}年复查测评前集中攻坚`, firstDay: assessment - 45, lastDay: assessment - 1, boost: 1.6 });
    const spring = dayOf(`${y}-03-01`);
    out.push({ name: `${y}年春季市容环境整治`, firstDay: spring, lastDay: spring + 20, boost: 1.25 });
  }
  return out.filter((c) => c.lastDay >= firstDay && c.firstDay <= lastDay);
}

export function campaignBoost(day: number, campaigns: readonly Campaign[]): number {
  let b = 1;
  for (const c of campaigns) if (day >= c.firstDay && day <= c.lastDay) b = Math.max(b, c.boost);
  return b;
}

/** Relative report volume of a day. */
export function dayWeight(day: number, cal: WorkCalendar, campaigns: readonly Campaign[]): number {
  const holiday = cal.holidays.has(isoDate(day));
  const season = 1 + 0.12 * Math.sin((2 * Math.PI * (day - 80)) / 365.25);
  return (holiday ? HOLIDAY_FACTOR : WEEKDAY_FACTOR[weekdayOf(day) - 1]!) * season * campaignBoost(day, campaigns);
}

/** Exactly `total` reports spread over the days by weight (largest remainder, so it sums exactly). */
export function dailyCounts(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

/** Cumulative hour weights for sampling, per profile. */
const CUMULATIVE = Object.fromEntries(Object.entries(PROFILES).map(([k, w]) => {
  let s = 0;
  const sum = w.reduce((a, b) => a + b, 0);
  return [k, w.map((x) => (s += x) / sum)];
})) as Record<HourProfile, number[]>;

/** A random instant of the CST day, drawn from the profile's hours. */
export function timeInDay(day: number, profile: HourProfile, rand: () => number): number {
  const cum = CUMULATIVE[profile];
  const r = rand();
  let h = 0;
  while (h < 23 && cum[h]! < r) h++;
  return cstDayStart(day) + h * 3_600_000 + Math.floor(rand() * 3_600_000);
}

/** How likely a category is on a day relative to its base weight: school problems need school days,
 *  markets are busier at weekends, dust in the dry spring, litter on rivers in summer. */
export function categoryDayFactor(category: string, day: number, workday: boolean): number {
  const month = Number(isoDate(day).slice(5, 7));
  const profile = CATEGORY_PROFILE[category] ?? 'daytime';
  let f = 1;
  if (profile === 'school') f *= workday && month !== 7 && month !== 8 ? 1 : 0.15;
  if (profile === 'market' && !workday) f *= 1.3;
  if (category === 'site_dust' && month >= 3 && month <= 5) f *= 1.7;
  if ((category === 'river_litter' || category === 'greening') && month >= 6 && month <= 8) f *= 1.5;
  return f;
}
