// The duty officer's desk: the queue's filter and order, the row the keyboard is on, the case
// opened in the detail panel, the cases ticked for a batch dispatch, new arrivals to highlight,
// and the sound switch (remembered per browser).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { Case } from '@cw/shared/schemas/cases';
import { useCasesStore } from './cases.ts';
import { useTaxonomyStore } from './taxonomy.ts';
import { EMPTY_FILTER, queueCases, type QueueFilter } from '../dispatch/case-queue.ts';
import { locale } from '../i18n/index.ts';

const MUTE_KEY = 'cw.dispatch.muted';
/** How long a new case stays highlighted in the queue. */
export const FRESH_MS = 15_000;

export const useDispatchStore = defineStore('dispatch', () => {
  const cases = useCasesStore();
  const taxonomy = useTaxonomyStore();

  const filter = shallowRef<QueueFilter>(EMPTY_FILTER);
  const cursorId = ref<string | null>(null);
  const selectedId = ref<string | null>(null);
  const checked = shallowRef<ReadonlySet<string>>(new Set());
  const fresh = shallowRef<ReadonlyMap<string, number>>(new Map());
  const muted = ref(globalThis.localStorage?.getItem(MUTE_KEY) === '1');

  const queue = computed<readonly Case[]>(() =>
    queueCases(cases.openCases.values(), filter.value, (code) => taxonomy.name(code, locale.value)));

  const cursorIndex = computed(() => {
    const id = cursorId.value;
    return id === null ? -1 : queue.value.findIndex((c) => c.id === id);
  });

  function setFilter(patch: Partial<QueueFilter>): void {
    filter.value = { ...filter.value, ...patch };
  }

  function resetFilter(): void {
    filter.value = EMPTY_FILTER;
  }

  /** Moves the keyboard cursor through the queue, staying at its ends. */
  function move(by: number): void {
    const list = queue.value;
    if (list.length === 0) return;
    const at = cursorIndex.value;
    const next = at === -1 ? (by > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + by));
    cursorId.value = list[next]!.id;
  }

  function select(id: string | null): void {
    selectedId.value = id;
    if (id !== null) cursorId.value = id;
  }

  function toggleChecked(id: string): void {
    const next = new Set(checked.value);
    if (!next.delete(id)) next.add(id);
    checked.value = next;
  }

  function clearChecked(): void {
    checked.value = new Set();
  }

  function setMuted(value: boolean): void {
    muted.value = value;
    globalThis.localStorage?.setItem(MUTE_KEY, value ? '1' : '0');
  }

  function markFresh(ids: readonly string[], now: number): void {
    if (ids.length === 0) return;
    const next = new Map(fresh.value);
    for (const id of ids) next.set(id, now + FRESH_MS);
    fresh.value = next;
  }

  function expireFresh(now: number): void {
    if ([...fresh.value.values()].every((until) => until > now)) return;
    fresh.value = new Map([...fresh.value].filter(([, until]) => until > now));
  }

  /** Cases created after the list was first loaded; returns their ids, newest first. */
  let heardUpTo: number | null = null;
  function takeArrivals(): string[] {
    if (cases.lastSeq === null) return [];
    if (heardUpTo === null) {
      heardUpTo = cases.lastSeq;
      return [];
    }
    const from = heardUpTo;
    heardUpTo = Math.max(heardUpTo, cases.ticker[0]?.seq ?? heardUpTo);
    return cases.ticker.filter((t) => t.seq > from && t.type === 'created').map((t) => t.caseId);
  }

  // Ticked cases that were closed or left the queue are unticked.
  watch(
    () => cases.openCases,
    (open) => {
      if ([...checked.value].some((id) => !open.has(id))) checked.value = new Set([...checked.value].filter((id) => open.has(id)));
    },
  );

  return {
    filter, cursorId, selectedId, checked, fresh, muted, queue, cursorIndex,
    setFilter, resetFilter, move, select, toggleChecked, clearChecked, setMuted, markFresh, expireFresh, takeArrivals,
  };
});
