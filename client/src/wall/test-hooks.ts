// Read-only probes for the end-to-end tests (documented in client/README.md). They expose counts
// the wall already keeps; nothing here can change what the wall shows.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { usePatrolsStore } from '../stores/patrols.ts';
import { useCasesStore } from '../stores/cases.ts';
import { patrolRenderStats, shownOnMap, type TimingSummary } from '../map/render-stats.ts';

export interface WallProbes {
  readonly map: MapLibreMap;
  /** Fixes merged from position frames since the page loaded. */
  patrolsMoved(): number;
  /** Patrol features on the map. */
  patrolsShown(): number;
  /** Open-case markers on the map. */
  casesShown(): number;
  /** Position frames that failed to decode and were dropped. */
  framesDropped(): number;
  /** Last case event seq applied (null before the list loaded). */
  lastSeq(): number | null;
  /** Timings of recent patrol source updates. */
  patrolUpdateTimings(): TimingSummary;
}

declare global {
  interface Window {
    __cw?: WallProbes;
  }
}

export function installTestHooks(map: MapLibreMap): () => void {
  const patrols = usePatrolsStore();
  const cases = useCasesStore();
  window.__cw = Object.freeze({
    map,
    patrolsMoved: () => patrols.track.fixesMerged,
    patrolsShown: () => shownOnMap.patrols,
    casesShown: () => shownOnMap.cases,
    framesDropped: () => patrols.droppedFrames,
    lastSeq: () => cases.lastSeq,
    patrolUpdateTimings: () => patrolRenderStats.summary(),
  });
  return () => {
    delete window.__cw;
  };
}
