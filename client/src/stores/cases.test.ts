import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { makeCase, makeEvent } from '../test/fixtures.ts';
import { TICKER_LENGTH, useCasesStore } from './cases.ts';

function loaded(lastSeq: number) {
  const store = useCasesStore();
  store.$patch({ lastSeq });
  return store;
}

describe('useCasesStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('loads open cases and the seq the list stands at', async () => {
    const body = { total: 2, lastSeq: 17, cases: [makeCase({ id: 'a' }), makeCase({ id: 'b', state: 'closed' })] };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body))));
    const store = useCasesStore();
    await store.loadOpen();
    expect([...store.openCases.keys()]).toEqual(['a']);
    expect(store.lastSeq).toBe(17);
    vi.unstubAllGlobals();
  });

  it('ignores events until the list is loaded', () => {
    const store = useCasesStore();
    expect(store.applyEvent(makeEvent(1))).toBe('not-ready');
    expect(store.openCases.size).toBe(0);
  });

  it('applies events in order, drops closed cases, and ignores repeats', () => {
    const store = loaded(4);
    expect(store.applyEvent(makeEvent(5, { id: 'x', version: 1 }, { type: 'created' }))).toBe('apply');
    expect(store.openCases.has('x')).toBe(true);
    store.applyEvent(makeEvent(5, { id: 'x', version: 1 }));
    expect(store.lastSeq).toBe(5);
    store.applyEvent(makeEvent(6, { id: 'x', version: 2, state: 'closed' }));
    expect(store.openCases.has('x')).toBe(false);
    expect(store.ticker.map((t) => t.seq)).toEqual([6, 5]);
  });

  it('stops at a gap without moving lastSeq, so a catch-up fills it', () => {
    const store = loaded(10);
    expect(store.applyEvent(makeEvent(12, { id: 'late' }))).toBe('gap');
    expect(store.lastSeq).toBe(10);
    const result = store.applyCatchUp({
      complete: true,
      lastSeq: 12,
      events: [makeEvent(12, { id: 'late', version: 2 }), makeEvent(11, { id: 'early' })],
    });
    expect(result).toBe('applied');
    expect(store.lastSeq).toBe(12);
    expect([...store.openCases.keys()].sort()).toEqual(['early', 'late']);
  });

  it('asks for a reload when the server could not keep every missed event', () => {
    const store = loaded(10);
    expect(store.applyCatchUp({ complete: false, lastSeq: 900, events: [] })).toBe('reload');
  });

  it('never lets an older copy of a case overwrite a newer one', () => {
    const store = loaded(0);
    store.applyEvent(makeEvent(1, { id: 'v', version: 5, priority: 'urgent' }));
    store.applyEvent(makeEvent(2, { id: 'v', version: 4, priority: 'normal' }));
    expect(store.openCases.get('v')?.priority).toBe('urgent');
  });

  it('keeps the ticker short, newest first', () => {
    const store = loaded(0);
    const events = Array.from({ length: TICKER_LENGTH + 10 }, (_, i) => makeEvent(i + 1, { id: `c${i}` }));
    store.applyEvents(events);
    expect(store.ticker).toHaveLength(TICKER_LENGTH);
    expect(store.ticker[0]!.seq).toBe(TICKER_LENGTH + 10);
  });
});

describe('useCasesStore catch-up history', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('starts catching up a little early while the feed is empty, and fills only the feed from it', () => {
    const store = loaded(100);
    expect(store.catchUpFrom()).toBe(100 - TICKER_LENGTH);
    const result = store.applyCatchUp({
      complete: true,
      lastSeq: 101,
      events: [makeEvent(99, { id: 'old', state: 'closed' }), makeEvent(100, { id: 'seen' }), makeEvent(101, { id: 'new' })],
    });
    expect(result).toBe('applied');
    expect(store.ticker.map((t) => t.seq)).toEqual([101, 100, 99]);
    expect([...store.openCases.keys()]).toEqual(['new']);
    expect(store.catchUpFrom()).toBe(101);
  });
});
