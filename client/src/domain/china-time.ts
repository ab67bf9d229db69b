// Wall clocks and countdowns run on China Standard Time (UTC+8, no daylight saving), whatever
// time zone the machine driving the screen is set to.
const CST_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Days since the epoch of the calendar date in China at `ms`. */
export function chinaDayNumber(ms: number): number {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
}

/** Calendar days from today (China) to the target's date: 0 on the day itself, negative after. */
export function daysUntil(targetMs: number, nowMs: number): number {
  return chinaDayNumber(targetMs) - chinaDayNumber(nowMs);
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface ChinaClock {
  date: string;
  time: string;
  weekday: number;
}

export function chinaClock(ms: number): ChinaClock {
  const d = new Date(ms + CST_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    weekday: d.getUTCDay(),
  };
}

export const WEEKDAYS = {
  zh: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;
