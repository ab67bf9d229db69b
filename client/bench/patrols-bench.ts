// Dev-only benchmark (vite dev → /bench/patrols.html?n=10000&seconds=20): the real frame path —
// encode → store buffer → decode/merge into the PatrolTrack → the patrols' GPU layer (pack + upload) — with N
// synthetic patrols that all move every tick. Results land in window.__bench when done.
import { createApp, defineComponent, h, type Ref } from 'vue';
import { createPinia } from 'pinia';
import { encodeFrame, type PatrolFix } from '@cw/shared/realtime/patrol-frame';
import { PATROL_KINDS } from '@cw/shared/domain/patrol';
import MapView from '../src/map/MapView.vue';
import PatrolsLayer from '../src/map/layers/PatrolsLayer.vue';
import { usePatrolsStore } from '../src/stores/patrols.ts';
import { patrolRenderStats } from '../src/map/render-stats.ts';
import type { Motion } from '../src/map/render-pace.ts';

const params = new URLSearchParams(location.search);
const N = Number(params.get('n') ?? 1000);
const SECONDS = Number(params.get('seconds') ?? 20);
const TICK_MS = Number(params.get('tick') ?? 1000);
const BBOX: [number, number, number, number] = [113.93, 32.92, 114.18, 33.06];

declare global {
  interface Window {
    __bench?: Record<string, number | string>;
  }
}

const fixes: PatrolFix[] = Array.from({ length: N }, (_, index) => ({
  index,
  lon: BBOX[0] + Math.random() * (BBOX[2] - BBOX[0]),
  lat: BBOX[1] + Math.random() * (BBOX[3] - BBOX[1]),
  status: 'online',
  busy: false,
  heading: Math.random() * 360,
  speed: 1.5 + Math.random() * 8,
}));

function step(): void {
  for (const f of fixes) {
    const rad = (f.heading * Math.PI) / 180;
    const d = (f.speed * TICK_MS) / 1000 / 111_000;
    f.lon += Math.sin(rad) * d;
    f.lat += Math.cos(rad) * d;
    if (f.lon < BBOX[0] || f.lon > BBOX[2] || f.lat < BBOX[1] || f.lat > BBOX[3]) f.heading = (f.heading + 180) % 360;
  }
}

const Bench = defineComponent({
  setup() {
    const patrols = usePatrolsStore();
    const merges: number[] = [];
    const frameGaps: number[] = [];
    let longTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTaskMs += e.duration;
    }).observe({ type: 'longtask' });

    let motion: Readonly<Ref<Motion>> | null = null;
    function onReady(_map: unknown, mapMotion: Readonly<Ref<Motion>>): void {
      motion = mapMotion;
      patrols.applySnapshot({
        patrols: fixes.map((f) => ({
          id: `p${f.index}`, index: f.index, deviceId: `d${f.index}`, name: `P${f.index}`,
          kind: PATROL_KINDS[f.index % PATROL_KINDS.length]!, unit: 'bench', district: null, street: null,
          status: 'online', busy: false, position: null,
        })),
        frame: encodeFrame(fixes, Date.now(), true),
        tickMs: TICK_MS,
      });
      let last = performance.now();
      const watchFrames = (now: number) => {
        frameGaps.push(now - last);
        last = now;
        requestAnimationFrame(watchFrames);
      };
      requestAnimationFrame(watchFrames);
      const timer = setInterval(() => {
        step();
        patrols.receiveFrame(encodeFrame(fixes, Date.now()));
        const t0 = performance.now();
        patrols.flushFrames();
        merges.push(performance.now() - t0);
      }, TICK_MS);
      // Warm-up: the first seconds include the initial add of every feature.
      setTimeout(() => {
        patrolRenderStats.clear();
        longTaskMs = 0;
      }, 3000);
      setTimeout(() => {
        clearInterval(timer);
        const s = patrolRenderStats.summary();
        const gaps = frameGaps.slice(Math.floor(frameGaps.length / 5)).sort((a, b) => a - b);
        window.__bench = {
          n: N,
          motionAtEnd: motion?.value ?? 'unknown',
          mergeMsMean: merges.reduce((a, b) => a + b, 0) / merges.length,
          mergeMsMax: Math.max(...merges),
          updates: s.batches,
          updatesPerSecond: s.batches / (SECONDS - 3),
          featuresPerUpdate: s.features,
          buildMs: s.buildMs,
          updateDataCallMs: s.callMs,
          mainThreadP95Ms: s.p95MainMs,
          roundTripMs: s.roundTripMs,
          longTaskMsPerSecond: longTaskMs / (SECONDS - 3),
          frameMsMedian: gaps[Math.floor(gaps.length / 2)] ?? 0,
          frameMsP95: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
        };
      }, SECONDS * 1000);
    }
    return () => h(MapView, { bounds: BBOX, padding: { top: 0, bottom: 0, left: 0, right: 0 }, uiScale: 0.5, onReady }, () => [h(PatrolsLayer)]);
  },
});

createApp(Bench).use(createPinia()).mount('#app');
