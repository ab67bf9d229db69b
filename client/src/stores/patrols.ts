// Patrols: the directory (who they are) is reactive and small; positions live in a PatrolTrack
// outside reactivity. The directory comes over HTTP (or, for older callers, inside the snapshot)
// and only grows: patrols join, none leave or change their frame index. Frames are buffered as they arrive and merged once per animation frame, and
// only the counts that panels show become reactive state.
import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { PatrolDirectoryEntry } from '@cw/shared/realtime/patrol-directory';
import type { PatrolSnapshot } from '@cw/shared/realtime/events';
import { PatrolTrack, type StatusCounts } from '../realtime/patrol-track.ts';
import { animationFrameScheduler, type Scheduler } from '../realtime/flush-scheduler.ts';

const DEFAULT_TICK_MS = 1000;

export const usePatrolsStore = defineStore('patrols', () => {
  /** By frame index, which is what position frames carry. */
  const directory = shallowRef<ReadonlyMap<number, PatrolDirectoryEntry>>(new Map());
  const counts = shallowRef<StatusCounts>({ online: 0, stale: 0, offline: 0 });
  const tickMs = ref(DEFAULT_TICK_MS);
  const droppedFrames = ref(0);
  const track = markRaw(new PatrolTrack(DEFAULT_TICK_MS));

  let pending: (ArrayBuffer | Uint8Array)[] = [];
  let scheduled = false;
  let schedule: Scheduler = animationFrameScheduler();
  let clock: () => number = () => performance.now();

  /** Tests drive flushing and time by hand. */
  function useScheduling(next: Scheduler, now: () => number): void {
    schedule = next;
    clock = now;
  }

  function setTick(ms: number): void {
    if (ms > 0) {
      tickMs.value = ms;
      track.glideMs = ms;
    }
  }

  function register(patrols: readonly PatrolDirectoryEntry[]): void {
    if (patrols.length === 0) return;
    const next = new Map(directory.value);
    for (const p of patrols) {
      next.set(p.index, p);
      track.setKind(p.index, p.kind);
    }
    directory.value = next;
  }

  function applySnapshot(snapshot: PatrolSnapshot): void {
    pending = [];
    setTick(snapshot.tickMs);
    track.reset();
    // A snapshot without patrols leaves naming them to the directory loaded over HTTP.
    if (snapshot.patrols.length) {
      directory.value = new Map();
      register(snapshot.patrols);
    }
    mergeNow(snapshot.frame);
    counts.value = track.countStatuses();
  }

  /** Called for every binary frame; cheap, so the socket handler never blocks on rendering. */
  function receiveFrame(frame: ArrayBuffer | Uint8Array): void {
    pending.push(frame);
    if (!scheduled) {
      scheduled = true;
      schedule(flushFrames);
    }
  }

  function mergeNow(frame: ArrayBuffer | Uint8Array): void {
    try {
      track.mergeFrame(frame, clock());
    } catch {
      // A malformed or truncated frame is dropped; the next one carries absolute positions again.
      droppedFrames.value++;
    }
  }

  function flushFrames(): void {
    scheduled = false;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    for (const frame of batch) mergeNow(frame);
    counts.value = track.countStatuses();
  }

  return {
    directory, counts, tickMs, droppedFrames, track,
    useScheduling, setTick, register, applySnapshot, receiveFrame, flushFrames,
  };
});
