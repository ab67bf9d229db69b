// Patrol replay (轨迹回放): which patrols, which time range, their recorded tracks and the cases
// they handled, and the playback clock. The clock itself is not reactive — ReplayLayer ticks it
// every animation frame — and `time` is its position copied a few times a second for the panel.
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import { reviewApi, type ReplayReply } from '../api/review-api.ts';
import { PlaybackClock } from '../review/playback-clock.ts';
import { ReplayTrack, replayRate, type ReplaySpeed } from '../review/replay-track.ts';
import { REPLAY_COLORS } from '../review/map-colors.ts';
import { Latest } from '../review/latest.ts';
import type { TimeWindow } from '../review/review-query.ts';

/** The server replays at most 20 patrols over at most 7 days. */
export const REPLAY_MAX_PATROLS = 20;
export const REPLAY_MAX_MS = 7 * 86_400_000;

export interface ReplayPatrol {
  id: string;
  name: string;
  kind: string;
  unit: string;
  color: string;
  track: ReplayTrack;
}

export type ReplayCase = ReplayReply['cases'][number];

export const useReplayStore = defineStore('review-replay', () => {
  const picked = ref<string[]>([]);
  const range = shallowRef<TimeWindow>(lastHours(3, Date.now()));
  const patrols = shallowRef<readonly ReplayPatrol[]>([]);
  const cases = shallowRef<readonly ReplayCase[]>([]);
  const loaded = shallowRef<TimeWindow | null>(null);
  const speed = ref<ReplaySpeed>(10);
  const follow = ref(true);
  const playing = ref(false);
  const time = ref(0);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const clock = markRaw(new PlaybackClock(0, 0, replayRate(10)));
  const latest = new Latest();

  const canLoad = computed(() => picked.value.length > 0 && picked.value.length <= REPLAY_MAX_PATROLS
    && range.value.to > range.value.from && range.value.to - range.value.from <= REPLAY_MAX_MS);

  function toggle(id: string): void {
    picked.value = picked.value.includes(id) ? picked.value.filter((p) => p !== id) : [...picked.value, id].slice(0, REPLAY_MAX_PATROLS);
  }

  async function load(): Promise<void> {
    if (!canLoad.value) return;
    const w = range.value;
    loading.value = true;
    error.value = null;
    pause();
    try {
      await latest.run(
        () => reviewApi.replay({ from: w.from, to: w.to, patrols: picked.value.join(',') }),
        (reply) => {
          patrols.value = reply.patrols.map((p, i) => ({
            id: p.id, name: p.name, kind: p.kind, unit: p.unit,
            color: REPLAY_COLORS[i % REPLAY_COLORS.length]!,
            track: markRaw(new ReplayTrack(p.points)),
          }));
          cases.value = reply.cases;
          loaded.value = { from: reply.from, to: reply.to };
          // Start at the first fix of any patrol, not at an empty beginning.
          const firstFix = Math.min(...patrols.value.map((p) => p.track.start ?? Infinity));
          clock.reset(reply.from, reply.to);
          clock.seek(Number.isFinite(firstFix) ? firstFix : reply.from);
          time.value = clock.position;
        },
      );
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    } finally {
      loading.value = false;
    }
  }

  function play(now = performance.now()): void {
    if (!loaded.value) return;
    clock.rate = replayRate(speed.value);
    clock.play(now);
    playing.value = true;
  }

  function pause(): void {
    clock.pause();
    playing.value = false;
  }

  function seek(t: number): void {
    clock.seek(t);
    time.value = clock.position;
  }

  function setSpeed(s: ReplaySpeed): void {
    speed.value = s;
    clock.rate = replayRate(s);
  }

  /** Called by the layer: copies the clock into reactive state (a few times a second). */
  function sync(): void {
    time.value = clock.position;
    if (playing.value !== clock.playing) playing.value = clock.playing;
  }

  function clear(): void {
    pause();
    patrols.value = [];
    cases.value = [];
    loaded.value = null;
  }

  return {
    picked, range, patrols, cases, loaded, speed, follow, playing, time, loading, error, clock, canLoad,
    toggle, load, play, pause, seek, setSpeed, sync, clear,
  };
});

export function lastHours(hours: number, now: number): TimeWindow {
  const to = Math.ceil(now / 60_000) * 60_000;
  return { from: to - hours * 3_600_000, to };
}
