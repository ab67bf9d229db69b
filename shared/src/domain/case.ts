// The case (问题/案件) vocabulary: states after China's digital urban-management practice.
// The transition rules live in case-lifecycle.ts.
export type CaseState =
  | 'reported'     // 上报/受理
  | 'registered'   // 立案
  | 'rejected'     // 作废
  | 'dispatched'   // 派遣
  | 'in_progress'  // 处置
  | 'feedback'     // 反馈: handler reports done
  | 'verified'     // 核查: supervisor confirmed the fix
  | 'closed'       // 结案
  | 'returned'     // 退回: a unit says it is not theirs
  | 'deferred';    // 缓办

export const CASE_STATES: readonly CaseState[] = [
  'reported', 'registered', 'rejected', 'dispatched', 'in_progress',
  'feedback', 'verified', 'closed', 'returned', 'deferred',
];

export const CASE_STATE_LABEL: Record<CaseState, { zh: string; en: string }> = {
  reported: { zh: '上报', en: 'Reported' },
  registered: { zh: '立案', en: 'Registered' },
  rejected: { zh: '作废', en: 'Rejected' },
  dispatched: { zh: '派遣', en: 'Dispatched' },
  in_progress: { zh: '处置', en: 'In progress' },
  feedback: { zh: '反馈', en: 'Reported done' },
  verified: { zh: '核查', en: 'Verified' },
  closed: { zh: '结案', en: 'Closed' },
  returned: { zh: '退回', en: 'Returned' },
  deferred: { zh: '缓办', en: 'Deferred' },
};

/** States in which a case still counts against the zero target (整改清零). */
export const OPEN_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  'reported', 'registered', 'dispatched', 'in_progress', 'feedback', 'verified', 'returned', 'deferred',
]);

export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.has(state);
}

export type CasePriority = 'normal' | 'high' | 'urgent';
export const CASE_PRIORITIES: readonly CasePriority[] = ['normal', 'high', 'urgent'];

export type CaseSource = 'patrol' | 'dispatcher' | 'hotline' | 'open311' | 'simulator';
export const CASE_SOURCES: readonly CaseSource[] = ['patrol', 'dispatcher', 'hotline', 'open311', 'simulator'];

/** 督办 level: 0 none yet, then community → street → district chief. */
export type EscalationLevel = 0 | 1 | 2 | 3;
