// What the detail panel shows for the opened case: the case itself (the live copy from the store,
// or a fetched one once it left the open list), its audit trail, and the patrols recommended for
// it. The trail and the recommendations reload whenever the case changes version.
import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import type { Case, CaseEvent } from '@cw/shared/schemas/cases';
import { caseApi, type Recommendation } from '../api/case-api.ts';
import { useCasesStore } from '../stores/cases.ts';
import { isNewer } from '../realtime/case-sequence.ts';

/** States a case can be dispatched from. */
export const DISPATCHABLE = new Set<Case['state']>(['reported', 'registered', 'returned']);
/** Patrols move: recommendations are refreshed this often while the panel is open. */
const RECOMMEND_REFRESH_MS = 15_000;

export function useCaseDetail(selectedId: Ref<string | null>) {
  const cases = useCasesStore();
  /** The newest copy seen of the opened case: from the store, a command's answer, or a fetch. */
  const current = shallowRef<Case | null>(null);
  const events = shallowRef<readonly CaseEvent[]>([]);
  const recommendations = shallowRef<readonly Recommendation[]>([]);
  const recommending = ref(false);

  function offer(c: Case): void {
    if (c.id === selectedId.value && isNewer(c, current.value ?? undefined)) current.value = c;
  }

  async function fetchCase(id: string): Promise<void> {
    try {
      offer(await caseApi.get(id));
    } catch (err) {
      console.warn('[dispatch] case read failed', err);
    }
  }

  // Answers can come back out of order under load; only the latest request's answer is shown.
  let eventsTicket = 0;
  let recommendTicket = 0;

  async function loadEvents(id: string): Promise<void> {
    const ticket = ++eventsTicket;
    try {
      const list = await caseApi.events(id);
      if (ticket === eventsTicket && selectedId.value === id) events.value = list;
    } catch (err) {
      console.warn('[dispatch] case trail failed', err);
    }
  }

  async function loadRecommendations(): Promise<void> {
    const c = current.value;
    if (!c || !DISPATCHABLE.has(c.state)) {
      recommendTicket++;
      recommendations.value = [];
      return;
    }
    recommending.value = true;
    const ticket = ++recommendTicket;
    try {
      const list = await caseApi.recommendations(c.id, 5);
      if (ticket === recommendTicket && current.value?.id === c.id) recommendations.value = list;
    } catch (err) {
      console.warn('[dispatch] recommendations failed', err);
    } finally {
      recommending.value = false;
    }
  }

  /** After a refused command: the server's copy wins. */
  function refresh(): Promise<void> {
    const id = selectedId.value;
    return id ? fetchCase(id) : Promise.resolve();
  }

  watch(
    selectedId,
    (id) => {
      current.value = id ? (cases.openCases.get(id) ?? null) : null;
      events.value = [];
      recommendations.value = [];
      if (id && !current.value) void fetchCase(id);
    },
    { immediate: true },
  );

  // The live copy; a case that leaves the open list (closed, rejected) is read once more for its
  // final state.
  watch(
    () => (selectedId.value ? cases.openCases.get(selectedId.value) : undefined),
    (live) => {
      if (live) offer(live);
      else if (current.value && selectedId.value === current.value.id) void fetchCase(current.value.id);
    },
  );

  watch(
    () => [current.value?.id, current.value?.version] as const,
    ([id]) => {
      if (!id) return;
      void loadEvents(id);
      void loadRecommendations();
    },
    { immediate: true },
  );

  const timer = setInterval(() => void loadRecommendations(), RECOMMEND_REFRESH_MS);
  onBeforeUnmount(() => clearInterval(timer));

  return { current, events, recommendations, recommending, refresh, accept: offer };
}
