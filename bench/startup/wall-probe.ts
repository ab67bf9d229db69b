// Runs in the wall's page before its own scripts (addInitScript) and reads only its read-only test
// hooks (window.__cw). Times from navigation start: the map ready, the patrol snapshot merged, every
// patrol handed to the map, the worker having applied them, and the first frame drawn after that
// with every source's tiles loaded. The wall never fires `idle` while a case halo pulses (it
// repaints every frame), so that frame, not `idle`, is "complete"; `idle` is noted when it comes.

export interface WallTimes {
  mapReadyAt?: number;
  mergedAt?: number;
  shownAt?: number;
  appliedAt?: number;
  completeAt?: number;
  idleAt?: number;
}

interface Hooks {
  map: { on(type: 'idle' | 'render', fn: () => void): void; areTilesLoaded(): boolean };
  patrolsMoved(): number;
  patrolsShown(): number;
  patrolUpdateTimings(): { batches: number };
}

export function wallProbe({ expected }: { expected: number }): void {
  const times: WallTimes = {};
  (window as unknown as { __benchWall: WallTimes }).__benchWall = times;
  const poll = setInterval(() => {
    const hooks = (window as unknown as { __cw?: Hooks }).__cw;
    if (!hooks) return;
    const now = performance.now();
    if (times.mapReadyAt === undefined) {
      times.mapReadyAt = now;
      hooks.map.on('render', () => {
        if (times.appliedAt !== undefined && times.completeAt === undefined && hooks.map.areTilesLoaded()) {
          times.completeAt = performance.now();
          clearInterval(poll);
        }
      });
      hooks.map.on('idle', () => {
        if (times.completeAt !== undefined && times.idleAt === undefined) times.idleAt = performance.now();
      });
    }
    if (times.mergedAt === undefined && hooks.patrolsMoved() >= expected) times.mergedAt = now;
    if (times.shownAt === undefined && hooks.patrolsShown() >= expected) times.shownAt = now;
    if (times.shownAt !== undefined && times.appliedAt === undefined && hooks.patrolUpdateTimings().batches > 0) times.appliedAt = now;
  }, 2);
}
