// Generated case lives obey the lifecycle rulebook and the 督办 sweep: every transition is one the
// shared transition table allows for that actor, and escalations are exactly what the sweep
// would have written, no sooner, no more than 15 s late, never down, never after closing.
import { describe, expect, it } from 'vitest';
import { isOpen } from '@cw/shared/domain/case';
import { transition } from '@cw/shared/domain/case-lifecycle';
import { escalationLevelAt } from '@cw/shared/domain/escalation';
import { CASE_CATEGORIES } from '@cw/shared/domain/taxonomy';
import { DEFAULT_CALENDAR } from '@cw/shared/domain/work-calendar';
import { mulberry32, pick } from '../simulator/random.ts';
import { caseLife, type LifeStep } from './case-life.ts';

const T0 = Date.parse('2026-01-05T00:00:00+08:00');
const SWEEP_MS = 15_000;

describe('generated case lives', () => {
  const rand = mulberry32(42);
  const lives = Array.from({ length: 4000 }, (_, n) => {
    const category = pick(rand, CASE_CATEGORIES);
    const createdAt = T0 + Math.floor(rand() * 300 * 86400_000);
    return {
      category,
      life: caseLife({
        createdAt, category, unit: category.unit, fallbackUnit: 'ycq', reporter: 'r', officer: 'dispatcher',
        patrol: () => `P${String(1 + (n % 7)).padStart(5, '0')}`,
        // Some very slow units, so deferrals, rework and every escalation level all occur.
        pace: n % 5 === 0 ? 3 : 0.8, reworkChance: 0.1, calendar: DEFAULT_CALENDAR,
      }, rand),
    };
  });

  it('takes only transitions the lifecycle table allows, by an actor allowed to take them', () => {
    for (const { life } of lives) {
      const steps = life.steps;
      expect(steps[0]).toMatchObject({ type: 'created', to: 'reported', state: 'reported' });
      for (let k = 1; k < steps.length; k++) {
        const prev = steps[k - 1]!;
        const s = steps[k]!;
        expect(s.at).toBeGreaterThanOrEqual(prev.at);
        if (s.type !== 'transitioned') continue;
        const byPatrol = s.actor.startsWith('P');
        const r = transition({
          state: prev.state, action: s.action!, role: byPatrol ? 'patrol' : 'dispatcher', actorPatrolId: byPatrol ? s.actor : null,
          assignedPatrolId: prev.patrolId, deferredFrom: prev.deferredFrom, now: s.at,
          reason: s.note ?? undefined, patrolId: s.patrolId ?? undefined, unit: s.unit, until: s.deferredUntil ?? undefined,
          // History carries no photos (see case-life.ts); everything else must pass as it stands.
          afterPhotoId: s.action === 'report_done' ? 'history-has-no-photos' : undefined,
        });
        expect(r, `${prev.state} --${s.action}--> ${s.to}`).toMatchObject({ ok: true, to: s.to });
        expect(s.from).toBe(prev.state);
        expect(s.state).toBe(s.to);
      }
      const last = steps[steps.length - 1]!;
      expect(last.state === 'closed' || last.state === 'rejected').toBe(true);
      expect(last.closedAt).toBe(last.at);
      for (const s of steps.slice(0, -1)) expect(s.closedAt).toBeNull();
    }
  });

  it('escalates exactly as the sweep would: on time (≤ 15 s late), one level at a time or more, never after closing', () => {
    const subject = (s: LifeStep, c: (typeof lives)[number]) => ({
      state: s.state, deadlineAt: c.life.deadlineAt, categoryLimitHours: c.category.limitHours, urgent: c.category.urgent, deferredUntil: s.deferredUntil,
    });
    const seen = new Set<number>();
    for (const c of lives) {
      const steps = c.life.steps;
      for (let k = 1; k < steps.length; k++) {
        const prev = steps[k - 1]!;
        const s = steps[k]!;
        // Nothing the sweep should have written was missed by more than one sweep interval, judged
        // by the state the case was in then (a resume can make a level due at once).
        const judged = s.at - SWEEP_MS;
        if (isOpen(prev.state) && judged >= prev.at) {
          expect(escalationLevelAt(subject(prev, c), judged, DEFAULT_CALENDAR)).toBeLessThanOrEqual(prev.escalation);
        }
        if (s.type !== 'escalated') {
          expect([s.overdue, s.escalation]).toEqual([prev.overdue, prev.escalation]);
          continue;
        }
        seen.add(s.escalation);
        expect(isOpen(prev.state)).toBe(true);
        expect(s.escalation).toBeGreaterThan(prev.escalation);
        expect(s.escalation).toBe(escalationLevelAt(subject(prev, c), s.at, DEFAULT_CALENDAR));
        expect(s.overdue).toBe(true);
      }
    }
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('produces the detours real cases take, in plausible shares', () => {
    const count = (action: string) => lives.filter(({ life }) => life.steps.some((s) => s.action === action)).length / lives.length;
    expect(count('reject')).toBeGreaterThan(0.015);
    expect(count('reject')).toBeLessThan(0.05);
    expect(count('verify_fail')).toBeGreaterThan(0.05);
    expect(count('return')).toBeGreaterThan(0.01);
    expect(count('defer')).toBeGreaterThan(0.005);
    const overdue = lives.filter(({ life }) => life.steps[life.steps.length - 1]!.overdue).length / lives.length;
    expect(overdue).toBeGreaterThan(0.05);
    expect(overdue).toBeLessThan(0.6);
  });
});
