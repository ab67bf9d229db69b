import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { CaseEvent } from '@cw/shared/schemas/cases';
import { makeCase, makeEvent } from '../test/fixtures.ts';
import { useCasesStore } from '../stores/cases.ts';
import { useCaseDetail } from './use-case-detail.ts';

/** Answers each request when the test says so, in any order. */
function deferredFetch() {
  const waiting: { url: string; answer: (body: unknown) => void }[] = [];
  const fetchMock = vi.fn((url: string) => new Promise<Response>((resolve) => {
    waiting.push({ url, answer: (body) => resolve(new Response(JSON.stringify(body))) });
  }));
  return { fetchMock, waiting };
}

describe('useCaseDetail', () => {
  let detail!: ReturnType<typeof useCaseDetail>;
  const selected = ref<string | null>(null);

  beforeEach(() => {
    setActivePinia(createPinia());
    selected.value = null;
  });
  afterEach(() => vi.unstubAllGlobals());

  function mountDetail() {
    return mount(defineComponent({ setup() { detail = useCaseDetail(selected); return () => h('div'); } }));
  }

  it('shows the newest trail even when an older request answers last', async () => {
    const { fetchMock, waiting } = deferredFetch();
    vi.stubGlobal('fetch', fetchMock);
    const cases = useCasesStore();
    cases.openCases = new Map([['c1', makeCase({ id: 'c1', state: 'in_progress', version: 3 })]]);
    const wrapper = mountDetail();
    selected.value = 'c1';
    await nextTick();
    detail.accept(makeCase({ id: 'c1', state: 'feedback', version: 4 }));
    await nextTick();
    const trails = waiting.filter((w) => w.url.endsWith('/events'));
    expect(trails).toHaveLength(2);
    const newer: CaseEvent[] = [makeEvent(1, { id: 'c1' }), makeEvent(2, { id: 'c1', state: 'feedback' })];
    trails[1]!.answer(newer);
    trails[0]!.answer([makeEvent(1, { id: 'c1' })]);
    await vi.waitFor(() => expect(detail.events.value).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 10));
    expect(detail.events.value.map((e) => e.seq)).toEqual([1, 2]);
    wrapper.unmount();
  });

  it('keeps a case that leaves the open list and reads its final state', async () => {
    const closed = makeCase({ id: 'c2', state: 'closed', version: 9 });
    vi.stubGlobal('fetch', vi.fn(async (url: string) => new Response(JSON.stringify(url.endsWith('/events') ? [] : closed))));
    const cases = useCasesStore();
    cases.$patch({ lastSeq: 1 });
    cases.openCases = new Map([['c2', makeCase({ id: 'c2', state: 'verified', version: 8 })]]);
    const wrapper = mountDetail();
    selected.value = 'c2';
    await nextTick();
    expect(detail.current.value?.state).toBe('verified');
    cases.applyEvent(makeEvent(2, { id: 'c2', state: 'closed', version: 9 }));
    await vi.waitFor(() => expect(detail.current.value?.state).toBe('closed'));
    wrapper.unmount();
  });
});
