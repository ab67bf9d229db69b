// The patrol phone's tasks: cases dispatched to this patrol that are still with it (to
// acknowledge, to fix, or fixed and awaiting the check). Loaded whole on every connect, followed
// by the case events of the patrol's room, and cached per account so the list still shows offline.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { Case, CaseEvent } from '@cw/shared/schemas/cases';
import { caseApi } from '../api/case-api.ts';
import { isNewer } from '../realtime/case-sequence.ts';

const TASK_STATES = new Set<Case['state']>(['dispatched', 'in_progress', 'feedback']);
const CACHE_PREFIX = 'cw.patrol.tasks.';

export function isTaskOf(c: Case, patrolId: string | null): boolean {
  return patrolId !== null && c.patrolId === patrolId && TASK_STATES.has(c.state);
}

/** Newest dispatch first among the ones to act on; fixed ones awaiting the check go last. */
export function taskOrder(a: Case, b: Case): number {
  const waiting = (c: Case) => (c.state === 'feedback' ? 1 : 0);
  return waiting(a) - waiting(b) || Number(b.overdue) - Number(a.overdue) || a.deadlineAt - b.deadlineAt;
}

export const usePatrolTasksStore = defineStore('patrol-tasks', () => {
  const patrolId = ref<string | null>(null);
  const tasks = shallowRef<ReadonlyMap<string, Case>>(new Map());
  /** Case ids that arrived while the phone was open (shown as new until opened). */
  const unseen = shallowRef<ReadonlySet<string>>(new Set());
  let cacheKey: string | null = null;

  function save(): void {
    if (cacheKey) globalThis.localStorage?.setItem(cacheKey, JSON.stringify([...tasks.value.values()]));
  }

  /** Starts with what this account's phone last saw. */
  function useAccount(username: string, id: string | null): void {
    patrolId.value = id;
    cacheKey = CACHE_PREFIX + username;
    try {
      const cached = JSON.parse(globalThis.localStorage?.getItem(cacheKey) ?? '[]') as Case[];
      tasks.value = new Map(cached.filter((c) => isTaskOf(c, id)).map((c) => [c.id, c]));
    } catch {
      tasks.value = new Map();
    }
  }

  async function load(): Promise<void> {
    const list = await caseApi.assigned();
    const next = new Map(list.cases.filter((c) => isTaskOf(c, patrolId.value)).map((c) => [c.id, c]));
    const arrived = [...next.keys()].filter((id) => !tasks.value.has(id));
    tasks.value = next;
    if (arrived.length) unseen.value = new Set([...unseen.value, ...arrived]);
    save();
  }

  /** A case the server returned or broadcast: kept if still this patrol's task, else dropped. */
  function upsert(c: Case): void {
    const current = tasks.value.get(c.id);
    if (!isNewer(c, current)) return;
    const next = new Map(tasks.value);
    if (isTaskOf(c, patrolId.value)) {
      next.set(c.id, c);
      if (!current) unseen.value = new Set([...unseen.value, c.id]);
    } else {
      next.delete(c.id);
    }
    tasks.value = next;
    save();
  }

  function applyEvent(event: CaseEvent): void {
    upsert(event.case);
  }

  function markSeen(id: string): void {
    if (!unseen.value.has(id)) return;
    const next = new Set(unseen.value);
    next.delete(id);
    unseen.value = next;
  }

  return { patrolId, tasks, unseen, useAccount, load, upsert, applyEvent, markSeen };
});
