// Working time in China Standard Time, for time limits counted in working hours (工作时限).
// Everything is computed with the fixed UTC+8 offset (China has no DST), never the machine's
// timezone, so the server, browsers and tests agree wherever they run.

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const CST_OFFSET = 8 * HOUR;

export interface WorkCalendarOptions {
  /** Working periods of a day, 'HH:MM' local time, in order. Default 08:30–12:00 and 14:30–18:00. */
  hours?: readonly (readonly [string, string])[];
  /** Days off (法定节假日 and their 调休 rest days), 'YYYY-MM-DD'; weekend dates change nothing. */
  holidays?: readonly string[];
  /** Weekend days worked instead (调休上班), 'YYYY-MM-DD'. */
  workdays?: readonly string[];
}

export interface WorkCalendar {
  /** Working periods as [start, end) ms after local midnight. */
  readonly periods: readonly (readonly [number, number])[];
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
}

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseHHMM(s: string): number {
  const m = HHMM.exec(s);
  const ms = m ? (Number(m[1]) * 60 + Number(m[2])) * MINUTE : Number.NaN;
  if (!(ms <= DAY)) throw new RangeError(`bad time of day '${s}', want HH:MM`);
  return ms;
}

function checkDate(s: string): string {
  // Round-tripping through Date rejects 2026-02-30 and the like.
  if (!DATE.test(s) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) {
    throw new RangeError(`bad date '${s}', want YYYY-MM-DD`);
  }
  return s;
}

export function createWorkCalendar(opts: WorkCalendarOptions = {}): WorkCalendar {
  const hours = opts.hours ?? [['08:30', '12:00'], ['14:30', '18:00']];
  const periods = hours.map(([a, b]) => [parseHHMM(a), parseHHMM(b)] as const);
  if (periods.length === 0) throw new RangeError('a work calendar needs at least one working period');
  periods.forEach(([start, end], i) => {
    const prevEnd = i === 0 ? 0 : periods[i - 1]![1];
    if (start >= end || start < prevEnd) {
      throw new RangeError('working periods must be non-empty, in order and not overlapping');
    }
  });
  const holidays = new Set((opts.holidays ?? []).map(checkDate));
  const workdays = new Set((opts.workdays ?? []).map(checkDate));
  for (const d of workdays) {
    if (holidays.has(d)) throw new RangeError(`${d} is listed both as a holiday and as a working day`);
  }
  return { periods, holidays, workdays };
}

/** PRC public holidays and make-up working days for 2026 (国务院办公厅, 2025-11-04). The city
 *  maintains this list: add each year's notice, and any local days off, as it is published. */
export const PRC_HOLIDAYS_2026: readonly string[] = [
  '2026-01-01', '2026-01-02', '2026-01-03', // 元旦
  '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', // 春节
  '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
  '2026-04-04', '2026-04-05', '2026-04-06', // 清明节
  '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', // 劳动节
  '2026-06-19', '2026-06-20', '2026-06-21', // 端午节
  '2026-09-25', '2026-09-26', '2026-09-27', // 中秋节
  '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', // 国庆节
];

export const PRC_WORKDAYS_2026: readonly string[] = [
  '2026-01-04', // 元旦
  '2026-02-14', '2026-02-28', // 春节
  '2026-05-09', // 劳动节
  '2026-09-20', '2026-10-10', // 国庆节
];

export const DEFAULT_CALENDAR: WorkCalendar = createWorkCalendar({
  holidays: PRC_HOLIDAYS_2026,
  workdays: PRC_WORKDAYS_2026,
});

/** Days since 1970-01-01 in CST. */
const cstDay = (ms: number): number => Math.floor((ms + CST_OFFSET) / DAY);
/** The UTC instant of a CST day's midnight. */
const dayStart = (day: number): number => day * DAY - CST_OFFSET;
const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

function isWorkingDayIndex(day: number, cal: WorkCalendar): boolean {
  const date = dateOf(day);
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

/** Whether a 'YYYY-MM-DD' date is a working day. */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  return isWorkingDayIndex(Date.parse(`${checkDate(date)}T00:00:00Z`) / DAY, cal);
}

export function isWorkingTime(ms: number, cal: WorkCalendar): boolean {
  const day = cstDay(ms);
  if (!isWorkingDayIndex(day, cal)) return false;
  const t = ms - dayStart(day);
  return cal.periods.some(([a, b]) => t >= a && t < b);
}

/** The instant `hours` working hours after `startMs`. A limit that runs out exactly at the end
 *  of a period ends there (12:00), not at the start of the next one. Zero hours is `startMs`. */
export function addWorkingHours(startMs: number, hours: number, cal: WorkCalendar): number {
  if (!Number.isFinite(startMs) || !Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`addWorkingHours needs a finite start and hours >= 0, got ${startMs}, ${hours}`);
  }
  let left = Math.round(hours * HOUR);
  if (left === 0) return startMs;
  // Terminates: weekdays off are a finite list, so working days keep coming.
  for (let day = cstDay(startMs); ; day++) {
    if (!isWorkingDayIndex(day, cal)) continue;
    const base = dayStart(day);
    for (const [a, b] of cal.periods) {
      const from = Math.max(startMs, base + a);
      const end = base + b;
      if (from >= end) continue;
      if (left <= end - from) return from + left;
      left -= end - from;
    }
  }
}

/** Working time from `aMs` to `bMs`; negative when `bMs` is earlier. */
export function workingMsBetween(aMs: number, bMs: number, cal: WorkCalendar): number {
  if (bMs < aMs) {
    const back = workingMsBetween(bMs, aMs, cal);
    return back === 0 ? 0 : -back; // never -0, which toBe(0) and Object.is tell apart
  }
  let total = 0;
  for (let day = cstDay(aMs); day <= cstDay(bMs); day++) {
    if (!isWorkingDayIndex(day, cal)) continue;
    const base = dayStart(day);
    for (const [a, b] of cal.periods) {
      total += Math.max(0, Math.min(bMs, base + b) - Math.max(aMs, base + a));
    }
  }
  return total;
}
