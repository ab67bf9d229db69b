// Automatic 督办: an open case past its deadline climbs the three-level grid-chief chain, one
// level per step, on the same clock as its time limit (wall clock for urgent categories,
// working hours for the rest).
import { isOpen, type CaseState, type EscalationLevel } from './case.ts';
import type { GridLevel } from './places.ts';
import { addLimitHours } from './time-limit.ts';
import type { WorkCalendar } from './work-calendar.ts';

export interface EscalationSubject {
  state: CaseState;
  deadlineAt: number;
  categoryLimitHours: number;
  urgent: boolean;
  /** A deferred case's new date (缓办期限): it is not 督办'd before then. */
  deferredUntil?: number | null;
}

export interface EscalationOptions {
  /** Hours between levels; default `stepHoursFor(categoryLimitHours)`. */
  stepHours?: number;
}

/** Who a level hands the case to. */
export const ESCALATION_GRID_LEVEL: Record<Exclude<EscalationLevel, 0>, GridLevel> = {
  1: 'community',
  2: 'street',
  3: 'district',
};

/** Half the limit, so a case gets a fair second chance at each level, but at least an hour so
 *  one-hour urgent limits do not reach the district chief within the hour. */
export function stepHoursFor(limitHours: number): number {
  return Math.max(1, limitHours / 2);
}

/** The instants the case reaches levels 1, 2 and 3, or null when it is not open. */
function levelTimes(c: EscalationSubject, cal: WorkCalendar, opts: EscalationOptions): readonly [number, number, number] | null {
  if (!isOpen(c.state)) return null;
  const step = opts.stepHours ?? stepHoursFor(c.categoryLimitHours);
  if (!Number.isFinite(step) || step <= 0) throw new RangeError(`stepHours must be positive, got ${step}`);
  // A deferral without a date still escalates on the original deadline rather than never.
  const first = c.state === 'deferred' ? Math.max(c.deadlineAt, c.deferredUntil ?? c.deadlineAt) : c.deadlineAt;
  const second = addLimitHours(first, step, c.urgent, cal);
  return [first, second, addLimitHours(second, step, c.urgent, cal)];
}

/** 0 before the deadline; 1 from the deadline itself, then 2 and 3 a step apart. */
export function escalationLevelAt(
  c: EscalationSubject, now: number, cal: WorkCalendar, opts: EscalationOptions = {},
): EscalationLevel {
  const times = levelTimes(c, cal, opts);
  if (times === null) return 0;
  const [community, street, district] = times;
  return now >= district ? 3 : now >= street ? 2 : now >= community ? 1 : 0;
}

/** When the level next rises, for a timer; null once closed, rejected or at level 3. */
export function nextEscalationAt(
  c: EscalationSubject, now: number, cal: WorkCalendar, opts: EscalationOptions = {},
): number | null {
  return levelTimes(c, cal, opts)?.find((t) => t > now) ?? null;
}
