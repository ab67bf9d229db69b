import { describe, expect, it } from 'vitest';
import { CASE_STATES, OPEN_STATES } from './case.ts';
import {
  ESCALATION_GRID_LEVEL, escalationLevelAt, nextEscalationAt, stepHoursFor, type EscalationSubject,
} from './escalation.ts';
import { DEFAULT_CALENDAR } from './work-calendar.ts';

const H = 3_600_000;
const cst = (s: string): number => Date.parse(`${s.replace(' ', 'T')}+08:00`);
const cal = DEFAULT_CALENDAR;

/** A 4-working-hour case (道路不洁) due Monday 16:30: steps of 2 working hours put level 2 at
 *  Tuesday 09:00 (1.5 h Monday + 0.5 h Tuesday) and level 3 at Tuesday 11:00. */
const working: EscalationSubject = {
  state: 'dispatched', deadlineAt: cst('2026-01-05 16:30'), categoryLimitHours: 4, urgent: false,
};
const W1 = cst('2026-01-05 16:30');
const W2 = cst('2026-01-06 09:00');
const W3 = cst('2026-01-06 11:00');

/** A 1-hour urgent case (交通秩序混乱) due Saturday 23:30: steps of 1 wall-clock hour. */
const urgent: EscalationSubject = {
  state: 'in_progress', deadlineAt: cst('2026-01-10 23:30'), categoryLimitHours: 1, urgent: true,
};
const U1 = cst('2026-01-10 23:30');

describe('escalationLevelAt', () => {
  it.each([
    [W1 - 1, 0], [W1, 1], [W2 - 1, 1], [W2, 2], [W3 - 1, 2], [W3, 3], [W3 + 365 * 24 * H, 3],
    [cst('2026-01-05 23:59'), 1], // the night does not count towards the next step
  ])('working-hours case at %d → level %d', (now, level) => {
    expect(escalationLevelAt(working, now, cal)).toBe(level);
  });

  it.each([
    [U1 - 1, 0], [U1, 1], [U1 + H - 1, 1], [U1 + H, 2], [U1 + 2 * H - 1, 2], [U1 + 2 * H, 3],
  ])('urgent case at %d → level %d, night or weekend', (now, level) => {
    expect(escalationLevelAt(urgent, now, cal)).toBe(level);
  });

  it('escalates every open state but a deferred one before its new date', () => {
    const late = W3 + H;
    for (const state of CASE_STATES) {
      const expected = OPEN_STATES.has(state) ? 3 : 0;
      expect(escalationLevelAt({ ...working, state, deferredUntil: null }, late, cal), state).toBe(expected);
    }
    expect(CASE_STATES.filter((s) => !OPEN_STATES.has(s))).toEqual(['rejected', 'closed']);
  });

  it('waits for a deferred case\'s new date, then climbs from it', () => {
    const until = cst('2026-01-08 10:00'); // Thursday; steps: 12:00, then 16:30
    const deferred: EscalationSubject = { ...working, state: 'deferred', deferredUntil: until };
    expect(escalationLevelAt(deferred, W3 + H, cal)).toBe(0);
    expect(escalationLevelAt(deferred, until - 1, cal)).toBe(0);
    expect(escalationLevelAt(deferred, until, cal)).toBe(1);
    expect(escalationLevelAt(deferred, cst('2026-01-08 12:00'), cal)).toBe(2);
    expect(escalationLevelAt(deferred, cst('2026-01-08 16:29'), cal)).toBe(2);
    expect(escalationLevelAt(deferred, cst('2026-01-08 16:30'), cal)).toBe(3);
  });

  it('keeps the original deadline when a deferral names an earlier date or none', () => {
    const early: EscalationSubject = { ...working, state: 'deferred', deferredUntil: W1 - 10 * H };
    expect(escalationLevelAt(early, W1 - 1, cal)).toBe(0);
    expect(escalationLevelAt(early, W1, cal)).toBe(1);
    const undated: EscalationSubject = { ...working, state: 'deferred' };
    expect(escalationLevelAt(undated, W2, cal)).toBe(2);
  });

  it('lets the caller set the step', () => {
    const opts = { stepHours: 7 }; // one working day
    expect(escalationLevelAt(working, cst('2026-01-06 16:29'), cal, opts)).toBe(1);
    expect(escalationLevelAt(working, cst('2026-01-06 16:30'), cal, opts)).toBe(2);
    expect(escalationLevelAt(working, cst('2026-01-07 16:30'), cal, opts)).toBe(3);
  });

  it('refuses a step that is not positive', () => {
    for (const stepHours of [0, -1, Number.NaN]) {
      expect(() => escalationLevelAt(working, W1, cal, { stepHours })).toThrow(RangeError);
    }
  });

  it('does not consult the step for cases that are not open', () => {
    expect(escalationLevelAt({ ...working, state: 'closed' }, W3, cal, { stepHours: 0 })).toBe(0);
  });
});

describe('nextEscalationAt', () => {
  it.each([
    [W1 - 10 * H, W1], [W1 - 1, W1], [W1, W2], [W2 - 1, W2], [W2, W3], [W3 - 1, W3], [W3, null],
  ])('working-hours case at %d → next at %s', (now, next) => {
    expect(nextEscalationAt(working, now, cal)).toBe(next);
  });

  it('follows the wall clock for urgent cases', () => {
    expect(nextEscalationAt(urgent, U1, cal)).toBe(U1 + H);
    expect(nextEscalationAt(urgent, U1 + H, cal)).toBe(U1 + 2 * H);
  });

  it('agrees with escalationLevelAt: the level rises exactly at the returned instant', () => {
    for (const c of [working, urgent]) {
      let now = c.deadlineAt - H;
      for (let level = 0; level < 3; level++) {
        const next = nextEscalationAt(c, now, cal);
        if (next === null) throw new Error('expected a next escalation');
        expect(escalationLevelAt(c, next - 1, cal)).toBe(level);
        expect(escalationLevelAt(c, next, cal)).toBe(level + 1);
        now = next;
      }
      expect(nextEscalationAt(c, now, cal)).toBeNull();
    }
  });

  it('wakes a deferred case at its new date', () => {
    const until = cst('2026-01-08 10:00');
    expect(nextEscalationAt({ ...working, state: 'deferred', deferredUntil: until }, W3, cal)).toBe(until);
  });

  it('is null for closed and rejected cases', () => {
    expect(nextEscalationAt({ ...working, state: 'closed' }, W1 - 1, cal)).toBeNull();
    expect(nextEscalationAt({ ...working, state: 'rejected' }, W1 - 1, cal)).toBeNull();
  });
});

describe('stepHoursFor', () => {
  it.each([[0.5, 1], [1, 1], [2, 1], [3, 1.5], [4, 2], [16, 8], [24, 12]])('limit %d h → step %d h', (limit, step) => {
    expect(stepHoursFor(limit)).toBe(step);
  });

  it('steps a 16-working-hour case by 8 working hours', () => {
    const c: EscalationSubject = { state: 'registered', deadlineAt: cst('2026-01-09 18:00'), categoryLimitHours: 16, urgent: false };
    // Friday 18:00 → Monday: 7 h, then 1 h on Tuesday.
    expect(nextEscalationAt(c, c.deadlineAt, cal)).toBe(cst('2026-01-13 09:30'));
  });
});

describe('ESCALATION_GRID_LEVEL', () => {
  it('climbs community → street → district', () => {
    expect(ESCALATION_GRID_LEVEL).toEqual({ 1: 'community', 2: 'street', 3: 'district' });
  });
});
