// Read-only probes of the review page for the end-to-end tests (see client/README.md). They report
// what the page already did; nothing here changes what it shows.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface ExportRecord {
  kind: 'csv' | 'png';
  name: string;
  bytes: number;
}

export interface StepTiming {
  day: number;
  /** Main thread: the store's frame and the layers' feature-state / setData calls. */
  applyMs: number;
  /** From the step to the map's next idle (drawn). */
  renderMs: number;
}

export interface ReviewProbes {
  readonly map: MapLibreMap;
  /** Files saved since the page loaded (CSV tables and PNG maps). */
  exports(): readonly ExportRecord[];
  /** Timings of the time slider's recent steps. */
  sliderTimings(): readonly StepTiming[];
  /** Areas with a value on the choropleth, heat points, patrols in a loaded replay. */
  shown(): { areas: number; heatPoints: number; replayPatrols: number };
  /** The replay clock's position (epoch ms), or null when nothing is loaded. */
  replayTime(): number | null;
  /** The map question whose answer is drawn now, and whether a newer one is on its way. */
  analysis(): { url: string | null; loading: boolean };
}

declare global {
  interface Window {
    __cwReview?: ReviewProbes;
  }
}

const exportsMade: ExportRecord[] = [];
const stepTimings: StepTiming[] = [];
const MAX_TIMINGS = 200;

export function recordExport(r: ExportRecord): void {
  exportsMade.push(r);
}

export function recordStep(t: StepTiming): void {
  stepTimings.push(t);
  if (stepTimings.length > MAX_TIMINGS) stepTimings.shift();
}

export function installReviewHooks(map: MapLibreMap, read: Pick<ReviewProbes, 'shown' | 'replayTime' | 'analysis'>): () => void {
  window.__cwReview = Object.freeze({
    map,
    exports: () => [...exportsMade],
    sliderTimings: () => [...stepTimings],
    ...read,
  });
  return () => {
    delete window.__cwReview;
  };
}
