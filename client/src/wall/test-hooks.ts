// Read-only probes for the end-to-end tests (documented in client/README.md). They expose counts
// the wall already keeps; nothing here can change what the wall shows.
import type { Ref } from 'vue';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Motion } from '../map/render-pace.ts';
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
  /** District and street names drawn on the map right now (0 until their labels are placed). */
  labelsShown(): number;
  /** Position frames that failed to decode and were dropped. */
  framesDropped(): number;
  /** Last case event seq applied (null before the list loaded). */
  lastSeq(): number | null;
  /** 'reduced' while the map draws too slowly for continuous animation. */
  motion(): Motion;
  /** Timings of recent patrol source updates. */
  patrolUpdateTimings(): TimingSummary;
}

/** Label layers whose names a person expects to read on the first view. */
const LABEL_LAYERS = ['districts-label', 'streets-label'];

declare global {
  interface Window {
    __cw?: WallProbes;
  }
}

export function installTestHooks(map: MapLibreMap, motion: Readonly<Ref<Motion>>): () => void {
  const patrols = usePatrolsStore();
  const cases = useCasesStore();
  window.__cw = Object.freeze({
    map,
    patrolsMoved: () => patrols.track.fixesMerged,
    patrolsShown: () => shownOnMap.patrols,
    casesShown: () => shownOnMap.cases,
    labelsShown: () => map.queryRenderedFeatures({ layers: LABEL_LAYERS.filter((id) => map.getLayer(id)) }).length,
    framesDropped: () => patrols.droppedFrames,
    lastSeq: () => cases.lastSeq,
    motion: () => motion.value,
    patrolUpdateTimings: () => patrolRenderStats.summary(),
  });
  return () => {
    delete window.__cw;
  };
}
