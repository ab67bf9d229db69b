// Open cases (问题清单) kept whole in one Map that is replaced per batch of events, the event
// ticker, and the counts the server computes. Events apply strictly in `seq` order.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { Case, CaseEvent, CaseStats } from '@cw/shared/schemas/cases';
import type { CatchUp } from '@cw/shared/realtime/events';
import { isOpen } from '@cw/shared/domain/case';
import { api } from '../api/rest.ts';
import { isNewer, judgeEvent, type EventVerdict } from '../realtime/case-sequence.ts';

/** The server's cap on one page; the wall shows at most this many open cases. */
export const CASE_LIST_LIMIT = 5000;
export const TICKER_LENGTH = 40;

export interface TickerEntry {
  seq: number;
  at: number;
  type: CaseEvent['type'];
  to: CaseEvent['to'];
  caseId: string;
  code: string;
  category: string;
  street: string | null;
  overdue: boolean;
  priority: Case['priority'];
}

function toTicker(e: CaseEvent): TickerEntry {
  return {
    seq: e.seq, at: e.at, type: e.type, to: e.to, caseId: e.caseId, code: e.case.code,
    category: e.case.category, street: e.case.street, overdue: e.case.overdue, priority: e.case.priority,
  };
}

export type CatchUpResult = 'applied' | 'reload';

export const useCasesStore = defineStore('cases', () => {
  const openCases = shallowRef<ReadonlyMap<string, Case>>(new Map());
  const lastSeq = ref<number | null>(null);
  const ticker = shallowRef<readonly TickerEntry[]>([]);
  const stats = shallowRef<CaseStats | null>(null);

  async function loadOpen(): Promise<void> {
    const list = await api.openCases(CASE_LIST_LIMIT);
    openCases.value = new Map(list.cases.filter((c) => isOpen(c.state)).map((c) => [c.id, c]));
    lastSeq.value = list.lastSeq;
  }

  async function loadStats(): Promise<void> {
    stats.value = await api.caseStats();
  }

  function setStats(next: CaseStats): void {
    stats.value = next;
  }

  /**
   * Applies events in seq order and stops at the first gap. Returns the verdict of the first event
   * that was not applied ('gap' asks the caller to catch up), or 'apply' when all were.
   */
  function applyEvents(events: readonly CaseEvent[]): EventVerdict {
    let verdict: EventVerdict = 'apply';
    let next: Map<string, Case> | null = null;
    const fresh: TickerEntry[] = [];
    for (const e of events) {
      const v = judgeEvent(lastSeq.value, e.seq);
      if (v === 'duplicate') continue;
      if (v !== 'apply') {
        verdict = v;
        break;
      }
      next ??= new Map(openCases.value);
      const current = next.get(e.caseId);
      if (isNewer(e.case, current)) {
        if (isOpen(e.case.state)) next.set(e.caseId, e.case);
        else next.delete(e.caseId);
      }
      lastSeq.value = e.seq;
      fresh.push(toTicker(e));
    }
    if (next) openCases.value = next;
    if (fresh.length > 0) ticker.value = [...fresh.reverse(), ...ticker.value].slice(0, TICKER_LENGTH);
    return verdict;
  }

  function applyEvent(event: CaseEvent): EventVerdict {
    return applyEvents([event]);
  }

  /** Where a catch-up should start: a little before the list's seq while the ticker is still empty,
   *  so a freshly opened wall shows the latest events instead of an empty feed. */
  function catchUpFrom(): number {
    const from = lastSeq.value ?? 0;
    return ticker.value.length === 0 ? Math.max(0, from - TICKER_LENGTH) : from;
  }

  /** The server's answer to `cases:catch-up`; when it could not keep everything, reload the list. */
  function applyCatchUp(catchUp: CatchUp): CatchUpResult {
    if (!catchUp.complete) return 'reload';
    const sorted = [...catchUp.events].sort((a, b) => a.seq - b.seq);
    const seen = lastSeq.value ?? 0;
    const history = sorted.filter((e) => e.seq <= seen);
    // Events the list already reflects only fill the feed; they never touch the cases.
    if (ticker.value.length === 0 && history.length > 0) {
      ticker.value = history.map(toTicker).reverse().slice(0, TICKER_LENGTH);
    }
    return applyEvents(sorted.filter((e) => e.seq > seen)) === 'gap' ? 'reload' : 'applied';
  }

  return {
    openCases, lastSeq, ticker, stats,
    loadOpen, loadStats, setStats, applyEvent, applyEvents, catchUpFrom, applyCatchUp,
  };
});
