import { describe, expect, it } from 'vitest';
import { makeCase } from '../test/fixtures.ts';
import { EMPTY_FILTER, queueCases } from './case-queue.ts';

const cases = [
  makeCase({ id: 'a', code: 'AJ1', createdAt: 1, deadlineAt: 500, category: 'street_dirty', priority: 'normal' }),
  makeCase({ id: 'b', code: 'AJ2', createdAt: 2, deadlineAt: 300, category: 'noise', priority: 'urgent', street: '411702002' }),
  makeCase({ id: 'c', code: 'AJ3', createdAt: 3, deadlineAt: 900, overdue: true, escalation: 1, description: '早市占道' }),
  makeCase({ id: 'd', code: 'AJ4', createdAt: 4, deadlineAt: 100, state: 'dispatched', priority: 'high' }),
  makeCase({ id: 'e', code: 'AJ5', createdAt: 5, deadlineAt: 950, overdue: true }),
];
const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('queueCases', () => {
  it('puts overdue cases first (escalated before merely overdue), then the nearest deadline', () => {
    expect(ids(queueCases(cases, EMPTY_FILTER))).toEqual(['c', 'e', 'd', 'b', 'a']);
  });

  it('keeps overdue on top when sorting by newest or by priority', () => {
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, sort: 'newest' }))).toEqual(['c', 'e', 'd', 'b', 'a']);
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, sort: 'priority' }))).toEqual(['c', 'e', 'b', 'd', 'a']);
  });

  it('filters by state, category, street, priority and overdue', () => {
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, states: ['dispatched'] }))).toEqual(['d']);
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, category: 'noise' }))).toEqual(['b']);
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, street: '411702002' }))).toEqual(['b']);
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, priority: 'high' }))).toEqual(['d']);
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, overdueOnly: true }))).toEqual(['c', 'e']);
  });

  it('searches code, description, address and category name, ignoring case', () => {
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, search: 'aj4' }))).toEqual(['d']);
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, search: '早市' }))).toEqual(['c']);
    const names = (code: string) => (code === 'noise' ? '噪声扰民' : '道路不洁');
    expect(ids(queueCases(cases, { ...EMPTY_FILTER, search: '噪声' }, names))).toEqual(['b']);
  });
});
