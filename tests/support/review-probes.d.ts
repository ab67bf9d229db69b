// The read-only probes the review page exposes for browser tests (client/src/review/test-hooks.ts).
export {};

declare global {
  interface Window {
    __cwReview?: {
      map: { queryRenderedFeatures(options: { layers: string[] }): unknown[]; getLayer(id: string): unknown; getZoom(): number };
      exports(): { kind: 'csv' | 'png'; name: string; bytes: number }[];
      sliderTimings(): { day: number; applyMs: number; renderMs: number }[];
      shown(): { areas: number; heatPoints: number; replayPatrols: number };
      replayTime(): number | null;
      analysis(): { url: string | null; loading: boolean };
    };
  }
}
