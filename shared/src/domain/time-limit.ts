// Case time limits (处置时限). Urgent categories run on the wall clock, day and night; the rest
// run on working hours only. Deadlines, countdowns and 督办 steps all use the clock of the
// category, so "2 hours left" means the same thing as the limit it counts down.
import type { CaseCategory } from './taxonomy.ts';
import { addWorkingHours, workingMsBetween, type WorkCalendar } from './work-calendar.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export type TimeLimit = Pick<CaseCategory, 'limitHours' | 'urgent'>;

/** `hours` after `startMs` on the wall clock when `urgent`, else in working hours. */
export function addLimitHours(startMs: number, hours: number, urgent: boolean, cal: WorkCalendar): number {
  if (!urgent) return addWorkingHours(startMs, hours, cal);
  if (!Number.isFinite(startMs) || !Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`addLimitHours needs a finite start and hours >= 0, got ${startMs}, ${hours}`);
  }
  return startMs + Math.round(hours * HOUR);
}

export function deadlineFor(category: TimeLimit, createdMs: number, cal: WorkCalendar): number {
  return addLimitHours(createdMs, category.limitHours, category.urgent, cal);
}

/** Time left until the deadline in the limit's own clock; zero or negative once it has passed. */
export function remainingMs(deadlineMs: number, nowMs: number, urgent: boolean, cal: WorkCalendar): number {
  return urgent ? deadlineMs - nowMs : workingMsBetween(nowMs, deadlineMs, cal);
}

/** '剩余 2小时15分' / '2h 15m left', or '超时 35分' / '35m overdue'. Time left rounds up and time
 *  overdue rounds down, like a countdown: "1m left" until the deadline, then "0m overdue". */
export function formatRemaining(ms: number, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatRemaining needs a finite duration, got ${ms}`);
  const left = ms > 0;
  const minutes = left ? Math.ceil(ms / MINUTE) : Math.floor(-ms / MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'zh') {
    const text = (h > 0 ? `${h}小时` : '') + (m > 0 || h === 0 ? `${m}分` : '');
    return left ? `剩余 ${text}` : `超时 ${text}`;
  }
  const text = [h > 0 ? `${h}h` : '', m > 0 || h === 0 ? `${m}m` : ''].filter(Boolean).join(' ');
  return left ? `${text} left` : `${text} overdue`;
}
