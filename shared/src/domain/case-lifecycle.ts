// The one transition function of the case lifecycle (数字城管 practice: 受理 → 立案 → 派遣 → 处置 →
// 反馈 → 核查 → 结案). Every command that changes a case's state goes through `transition`, so the
// table below is the whole rulebook: the server applies it, UIs ask `availableActions`.
import type { Role } from '../schemas/auth.ts';
import { CASE_STATE_LABEL, type CaseState } from './case.ts';

export type CaseAction =
  | 'register' | 'reject' | 'dispatch' | 'acknowledge' | 'return' | 'report_done'
  | 'verify_pass' | 'verify_fail' | 'close' | 'defer' | 'resume';

export const CASE_ACTIONS: readonly CaseAction[] = [
  'register', 'reject', 'dispatch', 'acknowledge', 'return', 'report_done',
  'verify_pass', 'verify_fail', 'close', 'defer', 'resume',
];

export const ACTION_LABEL: Record<CaseAction, { zh: string; en: string }> = {
  register: { zh: '立案', en: 'Register' },
  reject: { zh: '作废', en: 'Reject' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  acknowledge: { zh: '签收', en: 'Acknowledge' },
  return: { zh: '退回', en: 'Return' },
  report_done: { zh: '处置反馈', en: 'Report done' },
  verify_pass: { zh: '核查通过', en: 'Pass verification' },
  verify_fail: { zh: '核查不通过', en: 'Fail verification' },
  close: { zh: '结案', en: 'Close' },
  defer: { zh: '缓办', en: 'Defer' },
  resume: { zh: '恢复办理', en: 'Resume' },
};

/** States a case may be deferred from; `resume` returns it to the one it left. */
export const DEFERRABLE_STATES: readonly CaseState[] = ['registered', 'dispatched', 'in_progress'];

/** 'deferred_from' marks the one target that depends on the case's history. */
type Target = CaseState | 'deferred_from';

const TRANSITIONS: Record<CaseState, Partial<Record<CaseAction, Target>>> = {
  // Duty officers dispatch a fresh report in one step (立案 + 派遣), so `dispatch` is legal here too.
  reported: { register: 'registered', reject: 'rejected', dispatch: 'dispatched' },
  registered: { dispatch: 'dispatched', defer: 'deferred' },
  dispatched: { acknowledge: 'in_progress', return: 'returned', defer: 'deferred' },
  in_progress: { report_done: 'feedback', return: 'returned', defer: 'deferred' },
  feedback: { verify_pass: 'verified', verify_fail: 'in_progress' },
  verified: { close: 'closed' },
  returned: { dispatch: 'dispatched', reject: 'rejected' },
  deferred: { resume: 'deferred_from' },
  rejected: {},
  closed: {},
};

/** Who may act: 'staff' = dispatcher or admin; 'assigned' = the patrol the case is assigned to.
 *  Leaders and the wall only watch. */
type Actor = 'staff' | 'assigned';

const ACTORS: Record<CaseAction, readonly Actor[]> = {
  register: ['staff'],
  reject: ['staff'],
  dispatch: ['staff'],
  // A dispatcher may acknowledge for a patrol that confirmed by phone or radio.
  acknowledge: ['assigned', 'staff'],
  return: ['assigned'],
  report_done: ['assigned'],
  verify_pass: ['staff'],
  verify_fail: ['staff'],
  close: ['staff'],
  defer: ['staff'],
  resume: ['staff'],
};

export interface TransitionInput {
  state: CaseState;
  action: CaseAction;
  role: Role;
  /** The acting user's patrol id, for patrol accounts. */
  actorPatrolId?: string | null;
  assignedPatrolId: string | null;
  /** The state a deferred case left; required to resume. */
  deferredFrom?: CaseState | null;
  now: number;
  reason?: string;
  patrolId?: string;
  unit?: string;
  afterPhotoId?: string;
  /** The deferral's new date (epoch ms). */
  until?: number;
}

export type TransitionErrorCode = 'illegal_transition' | 'forbidden' | 'missing_field' | 'invalid_field';

export type TransitionResult =
  | {
      ok: true;
      to: CaseState;
      assign?: { patrolId: string; unit: string };
      /** The case goes back to the dispatcher's desk with no patrol. */
      clearAssignment?: boolean;
      /** Set on defer, cleared (null) on resume; absent when unchanged. */
      deferredFrom?: CaseState | null;
      deferredUntil?: number | null;
    }
  | { ok: false; code: TransitionErrorCode; message: string };

const stateName = (s: CaseState): string => `'${s}' (${CASE_STATE_LABEL[s].zh})`;

const fail = (code: TransitionErrorCode, message: string): TransitionResult => ({ ok: false, code, message });

const present = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';

function mayAct(action: CaseAction, role: Role, isAssignedPatrol: boolean): boolean {
  const actors = ACTORS[action];
  if (role === 'dispatcher' || role === 'admin') return actors.includes('staff');
  if (role === 'patrol') return isAssignedPatrol && actors.includes('assigned');
  return false;
}

export function transition(input: TransitionInput): TransitionResult {
  const { state, action, role } = input;
  const target = TRANSITIONS[state][action];
  if (target === undefined) {
    return fail('illegal_transition',
      `cannot '${action}' (${ACTION_LABEL[action].zh}) a case in state ${stateName(state)}`);
  }

  const isAssigned = role === 'patrol' && input.assignedPatrolId !== null
    && input.actorPatrolId != null && input.actorPatrolId === input.assignedPatrolId;
  if (!mayAct(action, role, isAssigned)) {
    const why = role === 'patrol' && ACTORS[action].includes('assigned')
      ? `patrol '${input.actorPatrolId ?? '?'}' is not assigned to this case (非本人案件)`
      : `role '${role}' may not '${action}' (${ACTION_LABEL[action].zh})`;
    return fail('forbidden', why);
  }

  switch (action) {
    case 'reject':
    case 'return':
    case 'verify_fail':
      if (!present(input.reason)) return fail('missing_field', `'${action}' needs a reason (原因)`);
      break;
    case 'dispatch':
      if (!present(input.unit)) return fail('missing_field', `'dispatch' needs a responsible unit (责任单位)`);
      if (!present(input.patrolId)) return fail('missing_field', `'dispatch' needs a patrol id (处置人员)`);
      return { ok: true, to: 'dispatched', assign: { patrolId: input.patrolId, unit: input.unit } };
    case 'report_done':
      if (!present(input.afterPhotoId)) {
        return fail('missing_field', `'report_done' needs an after photo (处置后照片)`);
      }
      break;
    case 'defer':
      if (!present(input.reason)) return fail('missing_field', `'defer' needs a reason (缓办原因)`);
      if (input.until === undefined) return fail('missing_field', `'defer' needs a new date (缓办期限)`);
      if (!Number.isFinite(input.until) || input.until <= input.now) {
        return fail('invalid_field', `'defer' needs a new date in the future (缓办期限须晚于当前时间)`);
      }
      return { ok: true, to: 'deferred', deferredFrom: state, deferredUntil: input.until };
    default:
      break;
  }

  if (target === 'deferred_from') {
    const from = input.deferredFrom;
    if (from == null) return fail('missing_field', `'resume' needs the state the case was deferred from`);
    if (!DEFERRABLE_STATES.includes(from)) {
      return fail('invalid_field', `a case cannot have been deferred from ${stateName(from)}`);
    }
    return { ok: true, to: from, deferredFrom: null, deferredUntil: null };
  }
  return action === 'return' ? { ok: true, to: target, clearAssignment: true } : { ok: true, to: target };
}

/** Actions `role` could take on a case in `state` (fields aside), in CASE_ACTIONS order. */
export function availableActions(state: CaseState, role: Role, isAssignedPatrol: boolean): CaseAction[] {
  return CASE_ACTIONS.filter((a) =>
    TRANSITIONS[state][a] !== undefined && mayAct(a, role, role === 'patrol' && isAssignedPatrol));
}
