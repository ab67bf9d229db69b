import { describe, expect, it } from 'vitest';
import { caseUrgency, isEscalated } from './case-urgency.ts';

describe('caseUrgency', () => {
  it('puts overdue above any priority', () => {
    expect(caseUrgency({ overdue: true, priority: 'normal' })).toBe('overdue');
    expect(caseUrgency({ overdue: true, priority: 'urgent' })).toBe('overdue');
  });
  it('shows high and urgent priorities as urgent', () => {
    expect(caseUrgency({ overdue: false, priority: 'high' })).toBe('urgent');
    expect(caseUrgency({ overdue: false, priority: 'urgent' })).toBe('urgent');
    expect(caseUrgency({ overdue: false, priority: 'normal' })).toBe('normal');
  });
  it('rings escalated cases', () => {
    expect(isEscalated({ escalation: 0 })).toBe(false);
    expect(isEscalated({ escalation: 2 })).toBe(true);
  });
});
