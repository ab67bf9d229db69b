import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { makeCase, makeEvent } from '../test/fixtures.ts';
import { useCasesStore } from './cases.ts';
import { FRESH_MS, useDispatchStore } from './dispatch.ts';

function withCases() {
  const cases = useCasesStore();
  cases.$patch({ lastSeq: 10 });
  cases.openCases = new Map([
    ['a', makeCase({ id: 'a', deadlineAt: 300 })],
    ['b', makeCase({ id: 'b', deadlineAt: 200, category: 'noise' })],
    ['c', makeCase({ id: 'c', deadlineAt: 900, overdue: true })],
  ]);
  return cases;
}

describe('useDispatchStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
  });

  it('orders the queue with overdue cases on top and filters it', () => {
    withCases();
    const desk = useDispatchStore();
    expect(desk.queue.map((c) => c.id)).toEqual(['c', 'b', 'a']);
    desk.setFilter({ category: 'noise' });
    expect(desk.queue.map((c) => c.id)).toEqual(['b']);
    desk.resetFilter();
    expect(desk.queue).toHaveLength(3);
  });

  it('moves the cursor within the queue and stops at its ends', () => {
    withCases();
    const desk = useDispatchStore();
    desk.move(1);
    expect(desk.cursorId).toBe('c');
    desk.move(1);
    desk.move(1);
    desk.move(1);
    expect(desk.cursorId).toBe('a');
    desk.move(-1);
    expect(desk.cursorIndex).toBe(1);
    desk.select('c');
    expect([desk.selectedId, desk.cursorId]).toEqual(['c', 'c']);
  });

  it('ticks cases for a batch and drops ticks of cases that left the queue', async () => {
    const cases = withCases();
    const desk = useDispatchStore();
    desk.toggleChecked('a');
    desk.toggleChecked('b');
    desk.toggleChecked('a');
    expect([...desk.checked]).toEqual(['b']);
    desk.toggleChecked('a');
    cases.applyEvent(makeEvent(11, { id: 'b', version: 2, state: 'closed' }));
    await Promise.resolve();
    expect([...desk.checked]).toEqual(['a']);
  });

  it('remembers the mute switch per browser', () => {
    useDispatchStore().setMuted(true);
    setActivePinia(createPinia());
    expect(useDispatchStore().muted).toBe(true);
  });

  it('hears only cases created after the list loaded, once each', () => {
    const cases = withCases();
    const desk = useDispatchStore();
    expect(desk.takeArrivals()).toEqual([]);
    cases.applyEvent(makeEvent(11, { id: 'new1', version: 1, state: 'reported' }, { type: 'created' }));
    cases.applyEvent(makeEvent(12, { id: 'a', version: 2, state: 'dispatched' }));
    expect(desk.takeArrivals()).toEqual(['new1']);
    expect(desk.takeArrivals()).toEqual([]);
  });

  it('highlights new cases for a while', () => {
    const desk = useDispatchStore();
    desk.markFresh(['x'], 1000);
    desk.expireFresh(1000 + FRESH_MS - 1);
    expect(desk.fresh.has('x')).toBe(true);
    desk.expireFresh(1000 + FRESH_MS);
    expect(desk.fresh.has('x')).toBe(false);
  });
});
