// The read-only probes the wall exposes for browser tests (client/src/wall/test-hooks.ts).
export {};

declare global {
  interface Window {
    __cw?: {
      patrolsMoved(): number;
      patrolsShown(): number;
      casesShown(): number;
      labelsShown(): number;
      lastSeq(): number | null;
      patrolUpdateTimings(): unknown;
    };
  }
}
