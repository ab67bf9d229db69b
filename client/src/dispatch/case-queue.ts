// The dispatcher's queue (问题清单): open cases filtered and ordered. Overdue cases always rise to
// the top, whatever the chosen order, because those are the ones that lose points.
import type { Case } from '@cw/shared/schemas/cases';
import type { CaseState } from '@cw/shared/domain/case';

export type QueueSort = 'deadline' | 'newest' | 'priority';
export const QUEUE_SORTS: readonly QueueSort[] = ['deadline', 'newest', 'priority'];

export interface QueueFilter {
  /** Empty = every open state. */
  states: readonly CaseState[];
  category: string | null;
  district: string | null;
  street: string | null;
  priority: Case['priority'] | null;
  overdueOnly: boolean;
  /** Matched against code, description, address and the category's name. */
  search: string;
  sort: QueueSort;
}

export const EMPTY_FILTER: QueueFilter = {
  states: [], category: null, district: null, street: null, priority: null, overdueOnly: false, search: '', sort: 'deadline',
};

const PRIORITY_RANK: Record<Case['priority'], number> = { urgent: 0, high: 1, normal: 2 };

function matches(c: Case, f: QueueFilter, categoryName: (code: string) => string, needle: string): boolean {
  if (f.states.length > 0 && !f.states.includes(c.state)) return false;
  if (f.category && c.category !== f.category) return false;
  if (f.district && c.district !== f.district) return false;
  if (f.street && c.street !== f.street) return false;
  if (f.priority && c.priority !== f.priority) return false;
  if (f.overdueOnly && !c.overdue) return false;
  if (needle === '') return true;
  return [c.code, c.description, c.address, categoryName(c.category)].some((s) => s.toLowerCase().includes(needle));
}

function compare(sort: QueueSort): (a: Case, b: Case) => number {
  const newest = (a: Case, b: Case) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1);
  const overdueFirst = (a: Case, b: Case) => Number(b.overdue) - Number(a.overdue) || b.escalation - a.escalation;
  switch (sort) {
    case 'newest':
      return (a, b) => overdueFirst(a, b) || newest(a, b);
    case 'priority':
      return (a, b) => overdueFirst(a, b) || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.deadlineAt - b.deadlineAt || newest(a, b);
    case 'deadline':
      return (a, b) => overdueFirst(a, b) || a.deadlineAt - b.deadlineAt || newest(a, b);
  }
}

export function queueCases(
  cases: Iterable<Case>,
  filter: QueueFilter,
  categoryName: (code: string) => string = (code) => code,
): Case[] {
  const needle = filter.search.trim().toLowerCase();
  const out: Case[] = [];
  for (const c of cases) if (matches(c, filter, categoryName, needle)) out.push(c);
  return out.sort(compare(filter.sort));
}
