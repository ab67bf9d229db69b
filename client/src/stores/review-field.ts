// The field side of the review: patrol coverage (巡查覆盖率) by street, unit cells nobody patrolled
// for N days, patrols that went quiet, and red-vest duty on the contracted road sections right now.
// Each table is fetched when its question changes (latest answer wins); the map layers read the
// same state.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CoverageReply, DutyReply, PatrolStatusReply, StaleReply } from '../api/review-api.ts';
import { useReviewStore } from './review.ts';
import { DAY_MS, presetWindow, reviewUrl, type TimeWindow } from '../review/review-query.ts';
import { useResource } from '../review/use-resource.ts';
import type { DutyStatus } from '../review/map-colors.ts';

/** The server keeps coverage for at most 92 days per question. */
export const COVERAGE_MAX_DAYS = 92;

export type CoveragePeriod = 'today' | 'window';

export interface CoverageRow {
  code: string;
  cells: number;
  visited: number;
  share: number;
}

export const useReviewFieldStore = defineStore('review-field', () => {
  const review = useReviewStore();
  const period = ref<CoveragePeriod>('today');
  const staleDays = ref(3);
  const selectedSection = ref<string | null>(null);
  /** The time 'today' is taken from; moved by refreshNow. */
  const nowTick = ref(Date.now());

  const coverageWindow = computed((): { window: TimeWindow; clipped: boolean } => {
    if (period.value === 'today') return { window: presetWindow('today', nowTick.value), clipped: false };
    const w = review.timeWindow;
    const from = Math.max(w.from, w.to - COVERAGE_MAX_DAYS * DAY_MS);
    return { window: { from, to: w.to }, clipped: from !== w.from };
  });

  const coverage = useResource<CoverageReply>(() => {
    const w = coverageWindow.value.window;
    return reviewUrl('coverage', { from: w.from, to: w.to, level: 'street' });
  });
  const stale = useResource<StaleReply>(() => reviewUrl('coverage/stale', { days: staleDays.value }));
  const quiet = useResource<PatrolStatusReply>(() => reviewUrl('patrols/quiet'));
  const duty = useResource<DutyReply>(() => reviewUrl('duty'));

  /** Streets by coverage share, lowest first. */
  const coverageRows = computed((): CoverageRow[] => {
    const c = coverage.data.value;
    const codes = review.areaCodes.street;
    if (!c) return [];
    return c.ids
      .map((id, i) => ({ code: codes[id] ?? String(id), cells: c.cells[i]!, visited: c.visited[i]!, share: c.cells[i]! > 0 ? c.visited[i]! / c.cells[i]! : 0 }))
      .sort((a, b) => a.share - b.share);
  });

  const coverageValues = computed(() => new Map(coverageRows.value.map((r) => [r.code, r.share])));

  const staleCells = computed((): string[] => {
    const s = stale.data.value;
    const codes = review.areaCodes.cell;
    return s ? s.cells.map((i) => codes[i]).filter((c): c is string => c !== undefined) : [];
  });

  const dutyStatus = computed((): Map<string, DutyStatus> => {
    const out = new Map<string, DutyStatus>();
    for (const s of duty.data.value?.sections ?? []) out.set(s.section, s.uncovered ? 'uncovered' : s.shifts.length > 0 ? 'covered' : 'idle');
    return out;
  });

  const uncoveredCount = computed(() => (duty.data.value?.sections ?? []).filter((s) => s.uncovered).length);

  /** Asks again about "now": today's coverage, stale cells, quiet patrols, who is on duty. */
  function refreshNow(): void {
    nowTick.value = Date.now();
    for (const r of [coverage, stale, quiet, duty]) void r.reload();
  }

  return {
    period, staleDays, selectedSection, coverageWindow, coverage, stale, quiet, duty,
    coverageRows, coverageValues, staleCells, dutyStatus, uncoveredCount, refreshNow,
  };
});
