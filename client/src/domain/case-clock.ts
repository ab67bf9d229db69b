// The time left on a case, on the clock of its category (urgent ones run day and night, the rest
// on working hours), as the countdown the queue and the phone show.
import type { Case } from '@cw/shared/schemas/cases';
import { formatRemaining, remainingMs } from '@cw/shared/domain/time-limit';
import { DEFAULT_CALENDAR, type WorkCalendar } from '@cw/shared/domain/work-calendar';
import type { Locale } from '../i18n/index.ts';

export interface CaseClock {
  /** ms left (negative once past the deadline). */
  ms: number;
  text: string;
  /** Past the deadline by this clock, or flagged overdue by the server. */
  late: boolean;
  /** Less than an hour left. */
  soon: boolean;
}

const HOUR = 3_600_000;

export function caseClock(
  c: Pick<Case, 'deadlineAt' | 'overdue' | 'state' | 'deferredUntil'>,
  urgent: boolean,
  now: number,
  lang: Locale,
  cal: WorkCalendar = DEFAULT_CALENDAR,
): CaseClock {
  // A deferred case (缓办) counts down to its promised date instead.
  const deadline = c.state === 'deferred' && c.deferredUntil !== null ? c.deferredUntil : c.deadlineAt;
  const ms = remainingMs(deadline, now, urgent, cal);
  return {
    ms,
    text: formatRemaining(ms, lang === 'en' ? 'en' : 'zh'),
    late: ms <= 0 || c.overdue,
    soon: ms > 0 && ms < HOUR,
  };
}
