import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { makeCase, makeEvent } from '../test/fixtures.ts';
import { taskOrder, usePatrolTasksStore } from './patrol-tasks.ts';

const mine = (over: Parameters<typeof makeCase>[0]) => makeCase({ patrolId: 'P1', state: 'dispatched', ...over });

describe('usePatrolTasksStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
    vi.unstubAllGlobals();
  });

  it('loads its own tasks and caches them for the next start offline', async () => {
    const body = { total: 2, lastSeq: 5, cases: [mine({ id: 'a' }), makeCase({ id: 'b', patrolId: 'P2', state: 'dispatched' })] };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body))));
    const store = usePatrolTasksStore();
    store.useAccount('patrol1', 'P1');
    await store.load();
    expect([...store.tasks.keys()]).toEqual(['a']);
    expect(store.unseen.has('a')).toBe(true);

    setActivePinia(createPinia());
    const again = usePatrolTasksStore();
    again.useAccount('patrol1', 'P1');
    expect([...again.tasks.keys()]).toEqual(['a']);
    again.useAccount('patrol2', 'P2');
    expect(again.tasks.size).toBe(0);
  });

  it('follows case events: a new dispatch arrives, a newer version wins, a stale one is ignored', () => {
    const store = usePatrolTasksStore();
    store.useAccount('patrol1', 'P1');
    store.applyEvent(makeEvent(1, mine({ id: 'a', version: 3 })));
    expect(store.tasks.get('a')?.state).toBe('dispatched');
    store.applyEvent(makeEvent(2, mine({ id: 'a', version: 4, state: 'in_progress' })));
    store.applyEvent(makeEvent(3, mine({ id: 'a', version: 3, state: 'dispatched' })));
    expect(store.tasks.get('a')?.state).toBe('in_progress');
  });

  it('drops a task once it is closed, returned or given to another patrol', () => {
    const store = usePatrolTasksStore();
    store.useAccount('patrol1', 'P1');
    for (const id of ['a', 'b', 'c']) store.upsert(mine({ id, version: 1 }));
    store.upsert(mine({ id: 'a', version: 2, state: 'closed' }));
    store.upsert(makeCase({ id: 'b', version: 2, state: 'returned', patrolId: null }));
    store.upsert(mine({ id: 'c', version: 2, patrolId: 'P9' }));
    expect(store.tasks.size).toBe(0);
  });

  it('lists tasks to act on first, the overdue and nearest deadline at the top', () => {
    const list = [
      mine({ id: 'waiting', state: 'feedback', deadlineAt: 1 }),
      mine({ id: 'later', deadlineAt: 900 }),
      mine({ id: 'late', deadlineAt: 950, overdue: true }),
      mine({ id: 'soon', deadlineAt: 100 }),
    ];
    expect(list.sort(taskOrder).map((c) => c.id)).toEqual(['late', 'soon', 'later', 'waiting']);
  });
});
