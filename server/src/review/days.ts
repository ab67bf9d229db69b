// China Standard Time days and weeks (UTC+8, no DST), the calendar leaders read reports in.
export const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;

/** Days since 1970-01-01 CST of the instant. */
export function cstDay(t: number): number {
  return Math.floor((t + CST_MS) / DAY_MS);
}

/** The instant a CST day number begins. */
export function cstDayStart(day: number): number {
  return day * DAY_MS - CST_MS;
}

/** Start of the CST week (Monday 00:00) containing the instant. */
export function cstWeekStart(t: number): number {
  const day = cstDay(t);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  return cstDayStart(day - ((day + 3) % 7));
}
