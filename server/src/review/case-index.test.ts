// The index follows the case events: new cases, transitions, stale snapshots, rework marks, and
// cases arriving out of creation order.
import { describe, expect, it } from 'vitest';
import type { Case, CaseEvent } from '@cw/shared/schemas/cases';
import { CaseIndex, OVERDUE, REOPENED } from './case-index.ts';
import { CaseDirectory } from './case-directory.ts';
import { memoryRepo, randomCases, testContext } from './test-fixtures.ts';

const T0 = Date.parse('2026-05-01T00:00:00+08:00');

function event(c: Case, type: CaseEvent['type'], action: string | null = null): CaseEvent {
  return { seq: 1, caseId: c.id, type, at: c.updatedAt, actor: 'x', action, from: null, to: c.state, note: null, case: c };
}

function caseDoc(id: string, createdAt: number, patch: Partial<Case> = {}): Case {
  return {
    id, code: id, state: 'reported', category: 'road_vending', item: 'A09', unit: 'cgj', priority: 'normal', source: 'hotline',
    lon: 114.015, lat: 32.915, cell: null, community: null, street: '411702001', district: '411702', description: '', address: '',
    reporter: 'r', patrolId: null, createdAt, updatedAt: createdAt, deadlineAt: createdAt + 3600_000, closedAt: null,
    overdue: false, escalation: 0, photos: [], deferredFrom: null, deferredUntil: null, version: 1, ...patch,
  };
}

describe('case index', () => {
  it('applies events in place and ignores a snapshot older than the row', async () => {
    const index = await CaseIndex.load(memoryRepo(randomCases(200, 3, T0, 86400_000)), testContext());
    const c = caseDoc('AJ20260502-00001', T0 + 2 * 86400_000);
    index.applyEvent(event(c, 'created'));
    const row = index.rowOf(c.id);
    expect(row).toBe(200);
    const closed = { ...c, state: 'closed' as const, closedAt: c.createdAt + 7200_000, overdue: true, version: 5, patrolId: 'P00009' };
    index.applyEvent(event(closed, 'transitioned', 'close'));
    expect(index.state[row]).toBe(index.ctx.codes.state('closed'));
    expect(index.closed[row]).toBe(closed.closedAt);
    expect(index.flags[row]! & OVERDUE).toBe(OVERDUE);
    expect(index.ctx.codes.patrols.code(index.patrol[row]!)).toBe('P00009');
    index.applyEvent(event({ ...c, version: 3, state: 'dispatched' }, 'transitioned', 'dispatch'));
    expect(index.state[row]).toBe(index.ctx.codes.state('closed'));
  });

  it('marks rework on verify_fail and keeps the mark through later snapshots', async () => {
    const index = await CaseIndex.load(memoryRepo([]), testContext());
    const c = caseDoc('AJ20260501-00007', T0, { state: 'in_progress', version: 6 });
    index.applyEvent(event(c, 'transitioned', 'verify_fail'));
    const row = index.rowOf(c.id);
    expect(index.flags[row]! & REOPENED).toBe(REOPENED);
    index.applyEvent(event({ ...c, state: 'closed', closedAt: T0 + 1, version: 9 }, 'transitioned', 'close'));
    expect(index.flags[row]! & REOPENED).toBe(REOPENED);
  });

  it('inserts a case older than the newest at its place, keeping rows sorted and ids pointing right', async () => {
    const cases = randomCases(300, 5, T0, 10 * 86400_000);
    const index = await CaseIndex.load(memoryRepo(cases), testContext());
    const late = caseDoc('AJ20260503-00001', T0 + 3 * 86400_000, { state: 'closed', closedAt: T0 + 4 * 86400_000, version: 7 });
    index.applyEvent(event(late, 'transitioned', 'verify_fail'));
    expect(index.size).toBe(301);
    for (let i = 1; i < index.size; i++) expect(index.created[i - 1]).toBeLessThanOrEqual(index.created[i]!);
    for (const c of [...cases, late]) expect(index.created[index.rowOf(c.id)]).toBe(c.createdAt);
    expect(index.flags[index.rowOf(late.id)]! & REOPENED).toBe(REOPENED);
    expect(index.version[index.rowOf(late.id)]).toBe(7);
  });

  it('finds ids in and out of the standard form', () => {
    const d = new CaseDirectory();
    d.set('AJ20260101-00003', 7);
    d.set('legacy-1', 9);
    expect([d.get('AJ20260101-00003'), d.get('AJ20260101-00002'), d.get('AJ20260102-00003'), d.get('legacy-1'), d.get('x')]).toEqual([7, -1, -1, 9, -1]);
    d.shiftFrom(8);
    expect([d.get('AJ20260101-00003'), d.get('legacy-1')]).toEqual([7, 10]);
    expect(d.idsOf([10, 7, 3, 7])).toEqual(['legacy-1', 'AJ20260101-00003', '', 'AJ20260101-00003']);
  });
});
