import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../schemas/auth.ts';
import { CASE_STATES, type CaseState } from './case.ts';
import {
  ACTION_LABEL, CASE_ACTIONS, DEFERRABLE_STATES, availableActions, transition,
  type CaseAction, type TransitionInput,
} from './case-lifecycle.ts';

const NOW = 1_780_000_000_000;

/** Every field an action may need, filled in validly, so only state and role decide. */
const full = (state: CaseState, action: CaseAction, role: Role, assigned: boolean): TransitionInput => ({
  state, action, role,
  actorPatrolId: role === 'patrol' ? (assigned ? 'p1' : 'p2') : null,
  assignedPatrolId: 'p1',
  deferredFrom: state === 'deferred' ? 'dispatched' : null,
  now: NOW,
  reason: 'not ours',
  patrolId: 'p9',
  unit: 'cgj',
  afterPhotoId: 'ph1',
  until: NOW + 86_400_000,
});

/** The rulebook, written out by hand: state, action, target, who may do it. "patrol*" is the
 *  patrol assigned to the case. Every combination not listed must fail. */
const STAFF = ['dispatcher', 'admin'];
const EXPECTED: readonly [CaseState, CaseAction, CaseState, readonly string[]][] = [
  ['reported', 'register', 'registered', STAFF],
  ['reported', 'reject', 'rejected', STAFF],
  ['reported', 'dispatch', 'dispatched', STAFF],
  ['registered', 'dispatch', 'dispatched', STAFF],
  ['registered', 'defer', 'deferred', STAFF],
  ['dispatched', 'acknowledge', 'in_progress', [...STAFF, 'patrol*']],
  ['dispatched', 'return', 'returned', ['patrol*']],
  ['dispatched', 'defer', 'deferred', STAFF],
  ['in_progress', 'report_done', 'feedback', ['patrol*']],
  ['in_progress', 'return', 'returned', ['patrol*']],
  ['in_progress', 'defer', 'deferred', STAFF],
  ['feedback', 'verify_pass', 'verified', STAFF],
  ['feedback', 'verify_fail', 'in_progress', STAFF],
  ['verified', 'close', 'closed', STAFF],
  ['returned', 'dispatch', 'dispatched', STAFF],
  ['returned', 'reject', 'rejected', STAFF],
  ['deferred', 'resume', 'dispatched', STAFF], // back to the state in `full`'s deferredFrom
];

const ACTORS: readonly { role: Role; assigned: boolean; name: string }[] = [
  ...ROLES.map((role) => ({ role, assigned: false, name: role })),
  { role: 'patrol', assigned: true, name: 'patrol*' },
];

describe('transition matrix', () => {
  it('allows exactly the table: every state × action × actor', () => {
    const allowed: string[] = [];
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        for (const a of ACTORS) {
          const r = transition(full(state, action, a.role, a.assigned));
          if (r.ok) allowed.push(`${state} ${action} ${a.name} -> ${r.to}`);
        }
      }
    }
    const expected = EXPECTED.flatMap(([s, act, to, who]) => who.map((w) => `${s} ${act} ${w} -> ${to}`));
    expect(allowed.sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(32);
  });

  it('says illegal_transition for pairs outside the table, whoever asks', () => {
    const legal = new Set(EXPECTED.map(([s, a]) => `${s} ${a}`));
    let illegal = 0;
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        if (legal.has(`${state} ${action}`)) continue;
        for (const a of ACTORS) {
          const r = transition(full(state, action, a.role, a.assigned));
          expect(r).toMatchObject({ ok: false, code: 'illegal_transition' });
        }
        illegal++;
      }
    }
    expect(illegal).toBe(10 * 11 - EXPECTED.length);
  });

  it('says forbidden for legal pairs the actor may not perform', () => {
    for (const [state, action, , who] of EXPECTED) {
      for (const a of ACTORS) {
        if (who.includes(a.name)) continue;
        const r = transition(full(state, action, a.role, a.assigned));
        expect(r, `${state} ${action} ${a.name}`).toMatchObject({ ok: false, code: 'forbidden' });
      }
    }
  });

  it('leaves rejected and closed terminal', () => {
    for (const state of ['rejected', 'closed'] as const) {
      for (const role of ROLES) expect(availableActions(state, role, true)).toEqual([]);
    }
  });

  it('offers UIs the same actions the transition allows', () => {
    for (const state of CASE_STATES) {
      for (const a of ACTORS) {
        const offered = availableActions(state, a.role, a.assigned);
        const allowed = CASE_ACTIONS.filter((action) => transition(full(state, action, a.role, a.assigned)).ok);
        expect(offered, `${state} ${a.name}`).toEqual(allowed);
      }
    }
  });

  it('lists concrete UI actions in a stable order', () => {
    expect(availableActions('reported', 'dispatcher', false)).toEqual(['register', 'reject', 'dispatch']);
    expect(availableActions('dispatched', 'patrol', true)).toEqual(['acknowledge', 'return']);
    expect(availableActions('dispatched', 'patrol', false)).toEqual([]);
    expect(availableActions('in_progress', 'patrol', true)).toEqual(['return', 'report_done']);
    expect(availableActions('feedback', 'admin', false)).toEqual(['verify_pass', 'verify_fail']);
    expect(availableActions('feedback', 'leader', false)).toEqual([]);
    expect(availableActions('dispatched', 'wall', true)).toEqual([]);
    // isAssignedPatrol means nothing for staff roles.
    expect(availableActions('in_progress', 'dispatcher', true)).toEqual(['defer']);
  });
});

describe('transition results', () => {
  const base = { role: 'dispatcher' as Role, assignedPatrolId: null, now: NOW };

  it('dispatches a fresh report in one step and assigns unit and patrol', () => {
    expect(transition({ ...base, state: 'reported', action: 'dispatch', patrolId: 'p7', unit: 'cgj' }))
      .toEqual({ ok: true, to: 'dispatched', assign: { patrolId: 'p7', unit: 'cgj' } });
  });

  it('re-dispatches a returned case to another unit', () => {
    expect(transition({ ...base, state: 'returned', action: 'dispatch', patrolId: 'p8', unit: 'gaj' }))
      .toEqual({ ok: true, to: 'dispatched', assign: { patrolId: 'p8', unit: 'gaj' } });
  });

  it('clears the assignment when the unit returns the case', () => {
    expect(transition({
      state: 'in_progress', action: 'return', role: 'patrol', actorPatrolId: 'p1', assignedPatrolId: 'p1',
      now: NOW, reason: '不属于本单位',
    })).toEqual({ ok: true, to: 'returned', clearAssignment: true });
  });

  it('registers, acknowledges, reports done, verifies and closes with a bare result', () => {
    expect(transition({ ...base, state: 'reported', action: 'register' })).toEqual({ ok: true, to: 'registered' });
    expect(transition({
      state: 'dispatched', action: 'acknowledge', role: 'patrol', actorPatrolId: 'p1', assignedPatrolId: 'p1', now: NOW,
    })).toEqual({ ok: true, to: 'in_progress' });
    expect(transition({
      state: 'in_progress', action: 'report_done', role: 'patrol', actorPatrolId: 'p1', assignedPatrolId: 'p1',
      now: NOW, afterPhotoId: 'ph-after',
    })).toEqual({ ok: true, to: 'feedback' });
    expect(transition({ ...base, state: 'feedback', action: 'verify_pass' })).toEqual({ ok: true, to: 'verified' });
    expect(transition({ ...base, state: 'feedback', action: 'verify_fail', reason: '仍有垃圾' }))
      .toEqual({ ok: true, to: 'in_progress' });
    expect(transition({ ...base, state: 'verified', action: 'close' })).toEqual({ ok: true, to: 'closed' });
  });

  it('remembers where a case was deferred from and goes back there on resume', () => {
    for (const from of DEFERRABLE_STATES) {
      expect(transition({ ...base, state: from, action: 'defer', reason: '待施工', until: NOW + 1 }))
        .toEqual({ ok: true, to: 'deferred', deferredFrom: from, deferredUntil: NOW + 1 });
      expect(transition({ ...base, state: 'deferred', action: 'resume', deferredFrom: from }))
        .toEqual({ ok: true, to: from, deferredFrom: null, deferredUntil: null });
    }
    expect(DEFERRABLE_STATES).toEqual(['registered', 'dispatched', 'in_progress']);
  });
});

describe('transition refusals', () => {
  const base = { role: 'dispatcher' as Role, assignedPatrolId: null, now: NOW };

  it('names the action and state in illegal_transition messages', () => {
    expect(transition({ ...base, state: 'dispatched', action: 'close' })).toEqual({
      ok: false, code: 'illegal_transition', message: "cannot 'close' (结案) a case in state 'dispatched' (派遣)",
    });
  });

  it('forbids a patrol acting on a case assigned to someone else', () => {
    for (const action of ['acknowledge', 'return', 'report_done'] as const) {
      const state = action === 'report_done' ? 'in_progress' : 'dispatched';
      expect(transition({
        state, action, role: 'patrol', actorPatrolId: 'p2', assignedPatrolId: 'p1',
        now: NOW, reason: 'x', afterPhotoId: 'ph',
      })).toEqual({ ok: false, code: 'forbidden', message: "patrol 'p2' is not assigned to this case (非本人案件)" });
    }
  });

  it('forbids a patrol on an unassigned case, and one with no patrol id', () => {
    const r1 = transition({ state: 'dispatched', action: 'acknowledge', role: 'patrol', actorPatrolId: 'p1', assignedPatrolId: null, now: NOW });
    expect(r1).toMatchObject({ ok: false, code: 'forbidden' });
    const r2 = transition({ state: 'dispatched', action: 'acknowledge', role: 'patrol', assignedPatrolId: 'p1', now: NOW });
    expect(r2).toEqual({ ok: false, code: 'forbidden', message: "patrol '?' is not assigned to this case (非本人案件)" });
    const r3 = transition({ state: 'dispatched', action: 'acknowledge', role: 'patrol', actorPatrolId: null, assignedPatrolId: 'p1', now: NOW });
    expect(r3).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('names the role when the role never may', () => {
    expect(transition({ ...base, role: 'leader', state: 'verified', action: 'close' })).toEqual({
      ok: false, code: 'forbidden', message: "role 'leader' may not 'close' (结案)",
    });
    expect(transition({ ...base, role: 'patrol', actorPatrolId: 'p1', assignedPatrolId: 'p1', state: 'verified', action: 'close' }))
      .toEqual({ ok: false, code: 'forbidden', message: "role 'patrol' may not 'close' (结案)" });
  });

  it('checks the state before the role, and the role before the fields', () => {
    expect(transition({ ...base, role: 'wall', state: 'closed', action: 'reject' }))
      .toMatchObject({ code: 'illegal_transition' });
    expect(transition({ ...base, role: 'wall', state: 'reported', action: 'reject' }))
      .toMatchObject({ code: 'forbidden' });
  });

  it.each([
    ['reported', 'reject'], ['returned', 'reject'], ['dispatched', 'return'], ['feedback', 'verify_fail'],
  ] as const)('requires a non-blank reason to %s → %s', (state, action) => {
    const input = { ...base, role: 'patrol' as Role, actorPatrolId: 'p1', assignedPatrolId: 'p1', state, action };
    const asRole: TransitionInput = action === 'return' ? input : { ...input, role: 'dispatcher' };
    for (const reason of [undefined, '', '   ']) {
      expect(transition({ ...asRole, ...(reason === undefined ? {} : { reason }) })).toEqual({
        ok: false, code: 'missing_field', message: `'${action}' needs a reason (原因)`,
      });
    }
  });

  it('requires unit and patrol to dispatch', () => {
    expect(transition({ ...base, state: 'registered', action: 'dispatch', patrolId: 'p1' }))
      .toEqual({ ok: false, code: 'missing_field', message: "'dispatch' needs a responsible unit (责任单位)" });
    expect(transition({ ...base, state: 'registered', action: 'dispatch', unit: 'cgj', patrolId: ' ' }))
      .toEqual({ ok: false, code: 'missing_field', message: "'dispatch' needs a patrol id (处置人员)" });
  });

  it('requires an after photo to report done', () => {
    expect(transition({ state: 'in_progress', action: 'report_done', role: 'patrol', actorPatrolId: 'p1', assignedPatrolId: 'p1', now: NOW }))
      .toEqual({ ok: false, code: 'missing_field', message: "'report_done' needs an after photo (处置后照片)" });
  });

  it('requires a reason and a future date to defer', () => {
    const d = { ...base, state: 'registered' as CaseState, action: 'defer' as CaseAction };
    expect(transition({ ...d, until: NOW + 1 }))
      .toEqual({ ok: false, code: 'missing_field', message: "'defer' needs a reason (缓办原因)" });
    expect(transition({ ...d, reason: 'r' }))
      .toEqual({ ok: false, code: 'missing_field', message: "'defer' needs a new date (缓办期限)" });
    for (const until of [NOW, NOW - 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(transition({ ...d, reason: 'r', until })).toEqual({
        ok: false, code: 'invalid_field', message: "'defer' needs a new date in the future (缓办期限须晚于当前时间)",
      });
    }
  });

  it('refuses to resume without a valid deferredFrom', () => {
    const r = { ...base, state: 'deferred' as CaseState, action: 'resume' as CaseAction };
    expect(transition(r)).toEqual({
      ok: false, code: 'missing_field', message: "'resume' needs the state the case was deferred from",
    });
    expect(transition({ ...r, deferredFrom: null })).toMatchObject({ code: 'missing_field' });
    expect(transition({ ...r, deferredFrom: 'feedback' })).toEqual({
      ok: false, code: 'invalid_field', message: "a case cannot have been deferred from 'feedback' (反馈)",
    });
  });
});

describe('ACTION_LABEL', () => {
  it('labels every action in both languages', () => {
    expect(Object.keys(ACTION_LABEL).sort()).toEqual([...CASE_ACTIONS].sort());
    expect(ACTION_LABEL.dispatch).toEqual({ zh: '派遣', en: 'Dispatch' });
    expect(ACTION_LABEL.verify_fail).toEqual({ zh: '核查不通过', en: 'Fail verification' });
  });
});
