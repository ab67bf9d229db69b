// Builders for the shared contract's shapes, so tests state only what they are about.
import type { Case, CaseEvent, CaseStats } from '@cw/shared/schemas/cases';

export function makeCase(over: Partial<Case> = {}): Case {
  return {
    id: 'c1', code: 'AJ20200901-0001', state: 'registered', category: 'street_dirty', item: 'A09',
    unit: 'cgj', priority: 'normal', source: 'simulator', lon: 114.02, lat: 32.98,
    cell: '4117020010010001', community: '411702001001', street: '411702001', district: '411702',
    description: '<b>路面</b>有垃圾', address: '解放路', reporter: 'sim', patrolId: null,
    createdAt: 1_598_900_000_000, updatedAt: 1_598_900_000_000, deadlineAt: 1_598_914_400_000,
    closedAt: null, overdue: false, escalation: 0, photos: [], deferredFrom: null, deferredUntil: null,
    version: 1, ...over,
  };
}

export function makeEvent(seq: number, c: Partial<Case> = {}, over: Partial<CaseEvent> = {}): CaseEvent {
  const kase = makeCase(c);
  return {
    seq, caseId: kase.id, type: 'transitioned', at: 1_598_900_000_000 + seq * 1000, actor: 'sim',
    action: null, from: null, to: kase.state, note: null, case: kase, ...over,
  };
}

export function makeStats(over: Partial<CaseStats> = {}): CaseStats {
  return {
    open: 12, overdue: 3, closedToday: 40, reportedToday: 45, rectificationRate: 0.91,
    byDistrict: { '411702': { open: 9, overdue: 2, closedToday: 30 }, '411771': { open: 3, overdue: 1, closedToday: 10 } },
    byStreet: { '411702001': { open: 5, overdue: 1, closedToday: 12 } },
    ...over,
  };
}
