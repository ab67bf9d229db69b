// How loudly the wall shows a case: overdue beats everything, then priority.
import type { Case } from '@cw/shared/schemas/cases';

export type CaseUrgency = 'overdue' | 'urgent' | 'normal';
export const CASE_URGENCIES: readonly CaseUrgency[] = ['overdue', 'urgent', 'normal'];

export const URGENCY_COLOR: Record<CaseUrgency, string> = {
  overdue: '#ff3b3b',
  urgent: '#ff9800',
  normal: '#ffd740',
};

/** 'high' and 'urgent' priorities share the orange: the wall has three steps, the case list five. */
export function caseUrgency(c: Pick<Case, 'overdue' | 'priority'>): CaseUrgency {
  if (c.overdue) return 'overdue';
  return c.priority === 'normal' ? 'normal' : 'urgent';
}

/** 督办: escalated past the community grid chief. */
export function isEscalated(c: Pick<Case, 'escalation'>): boolean {
  return c.escalation > 0;
}
