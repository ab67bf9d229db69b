// The display benchmark's page: N patrols that all move every tick, drawn as the wall draws them
// (a) with the client's own modules — PatrolTrack (decode + merge, as the store's flush does) and
// PatrolGlLayer, the very custom layer PatrolsLayer.vue adds (pack + upload per batch, glide in the
// shader) — or (b) the tutorial way: parse a JSON batch, update a FeatureCollection, setData it.
// Each batch is pre-built (that is the server's work); the page times what the display does with
// it. Driven by bench/display/display-bench.ts through window.__displayBench.
import { Map as MapLibreMap, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource } from 'maplibre-gl';
import { encodeFrame, type PatrolFix } from '@cw/shared/realtime/patrol-frame';
import { PATROL_KINDS, PATROL_KIND_INFO } from '@cw/shared/domain/patrol';
import { PatrolTrack } from '../../client/src/realtime/patrol-track.ts';
import { PatrolGlLayer } from '../../client/src/map/patrol-gl-layer.ts';
import { PATROL_LOOK } from '../../client/src/map/patrol-look.ts';
import { matchProperty } from '../../client/src/map/expressions.ts';
import { PALETTE } from '../../client/src/map/palette.ts';

export interface DisplayRunOptions {
  mode: 'project' | 'baseline';
  n: number;
  /** Batches to time (one per tick), after one untimed batch. */
  batches: number;
  tickMs: number;
}

export interface BatchTiming {
  /** performance.now() ms of the strategy's own calls for this batch (see display-bench.ts). */
  applyMs: number;
  /** The longest single call among them. */
  longestMs: number;
  /** Source updates (baseline) or buffer uploads (project) for this batch. */
  updates: number;
  /** Batch arrival → first rendered frame after the worker applied the first update carrying it. */
  toRenderMs: number;
}

export interface DisplayRunResult {
  batches: BatchTiming[];
  /** requestAnimationFrame intervals over the timed batches. */
  frameMs: number[];
  /** The project's per-batch ms by part (zero for the baseline): decode + merge, the layer's
   *  render() calls that packed and uploaded a batch, and those that only drew. */
  parts: { merge: number; upload: number; draw: number };
}

declare global {
  interface Window {
    __displayBench?: { run(o: DisplayRunOptions): Promise<DisplayRunResult> };
    /** 'timed' while the timed batches run, so the driver can sample Chromium's task time. */
    __displayPhase?: 'timed' | 'done';
  }
}

setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');

const BBOX: [number, number, number, number] = [113.93, 32.92, 114.18, 33.06];
/** The wall at 1920×1080 draws at half its 4K design size. */
const UI_SCALE = 0.5;
const zoomSize = (stops: [number, number][]) =>
  ['interpolate', ['linear'], ['zoom'], ...stops.flatMap(([z, px]) => [z, px * UI_SCALE])] as unknown as ExpressionSpecification;
const kindColor = matchProperty('kind', PATROL_KINDS.map((k) => [k, PATROL_KIND_INFO[k].color] as const), '#cfd8dc');

function createMap(): Promise<MapLibreMap> {
  const map = new MapLibreMap({
    container: 'map',
    style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } }] },
    bounds: BBOX,
    attributionControl: false,
  });
  return new Promise((res) => map.once('load', () => res(map)));
}

/** The tutorial's layer: a GeoJSON source and a circle layer styled as the wall's patrols. */
function addPatrolLayer(map: MapLibreMap): GeoJSONSource {
  map.addSource('patrols', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'patrols-dot', type: 'circle', source: 'patrols',
    paint: {
      'circle-color': ['case', ['==', ['get', 'status'], 1], PALETTE.stale, kindColor],
      'circle-opacity': ['match', ['get', 'status'], 2, 0.25, 1],
      'circle-stroke-opacity': ['match', ['get', 'status'], 2, 0.25, 1],
      'circle-stroke-color': ['case', ['==', ['get', 'busy'], 1], '#ffffff', PALETTE.background],
      'circle-radius': zoomSize([[10, 7], [12, 9], [14, 13], [16, 18]]),
      'circle-stroke-width': zoomSize([[10, 2.5], [16, 4]]),
    },
  });
  return map.getSource<GeoJSONSource>('patrols')!;
}

/** Deterministic walkers: every patrol moves every tick, at walking to driving speed. */
function walkers(n: number, ticks: number, tickMs: number): PatrolFix[][] {
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const fixes: PatrolFix[] = Array.from({ length: n }, (_, index) => ({
    index, lon: BBOX[0] + rnd() * (BBOX[2] - BBOX[0]), lat: BBOX[1] + rnd() * (BBOX[3] - BBOX[1]),
    status: 'online', busy: index % 5 === 0, heading: rnd() * 360, speed: 1.5 + rnd() * 8,
  }));
  const out: PatrolFix[][] = [fixes.map((f) => ({ ...f }))];
  for (let t = 1; t <= ticks; t++) {
    for (const f of fixes) {
      const rad = (f.heading * Math.PI) / 180;
      const d = (f.speed * tickMs) / 1000 / 111_000;
      f.lon += Math.sin(rad) * d;
      f.lat += Math.cos(rad) * d;
      if (f.lon < BBOX[0] || f.lon > BBOX[2] || f.lat < BBOX[1] || f.lat > BBOX[3]) f.heading = (f.heading + 180) % 360;
    }
    out.push(fixes.map((f) => ({ ...f })));
  }
  return out;
}

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));
const idle = (map: MapLibreMap) => new Promise<void>((r) => map.once('idle', () => r()));

/** Calls `arrive(k)` for batch k every tickMs and resolves after the last one's interval. */
function tickLoop(count: number, tickMs: number, arrive: (k: number, at: number) => void): Promise<void> {
  return new Promise((done) => {
    let k = 0;
    const timer = setInterval(() => {
      if (k === count) { clearInterval(timer); done(); return; }
      arrive(k++, performance.now());
    }, tickMs);
  });
}

interface Strategy {
  /** Loads every patrol; resolves when the map shows them. */
  start(): Promise<void>;
  /** Batch k arrives. */
  arrive(k: number): void;
  stop(): void;
}

async function run(o: DisplayRunOptions): Promise<DisplayRunResult> {
  const ticks = o.batches + 1;
  const states = walkers(o.n, ticks, o.tickMs);
  const map = await createMap();

  // Every call the strategy makes on the main thread, and when each update reached the screen.
  const calls: { at: number; ms: number }[] = [];
  const parts = { merge: 0, upload: 0, draw: 0 };
  const applied: { sentAt: number; renderedAt: number }[] = [];
  const uploads: number[] = [];
  const timeCall = <T>(fn: () => T): T => {
    const t0 = performance.now();
    const r = fn();
    calls.push({ at: t0, ms: performance.now() - t0 });
    return r;
  };
  // The first frame MapLibre draws after the update was handed over (same rule for both strategies).
  const whenRendered = (sentAt: number) => map.once('render', () => applied.push({ sentAt, renderedAt: performance.now() }));

  let strategy: Strategy;
  if (o.mode === 'project') {
    const frames = states.map((fixes, t) => encodeFrame(fixes, Date.now(), t === 0));
    const track = new PatrolTrack(o.tickMs);
    for (let i = 0; i < o.n; i++) track.setKind(i, PATROL_KINDS[i % PATROL_KINDS.length]!);
    let uploaded = false;
    const layer = new PatrolGlLayer('patrols-dot', track, {
      look: PATROL_LOOK,
      reducedMotion: () => false,
      reducedIntervalMs: (glideMs) => glideMs,
      onUpload: () => {
        const at = performance.now();
        uploaded = true;
        uploads.push(at);
        whenRendered(at);
      },
    });
    // Every render() call MapLibre makes on the layer is timed (packing, uploads, draw calls).
    const render = layer.render.bind(layer);
    layer.render = (gl, args) => {
      uploaded = false;
      timeCall(() => render(gl, args));
      parts[uploaded ? 'upload' : 'draw'] += calls.at(-1)!.ms;
    };
    strategy = {
      async start() {
        const shown = idle(map);
        map.addLayer(layer);
        // The store's applySnapshot / flushFrames: decode + merge, then the status counts panels show.
        track.mergeFrame(frames[0]!, performance.now());
        track.countStatuses();
        await shown;
      },
      arrive(k) {
        timeCall(() => { track.mergeFrame(frames[k + 1]!, performance.now()); track.countStatuses(); });
        parts.merge += calls.at(-1)!.ms;
      },
      stop() { map.removeLayer(layer.id); },
    };
  } else {
    const source = addPatrolLayer(map);
    // What a tutorial server sends per batch, and what its client keeps: one Feature per patrol.
    const texts = states.map((fixes) => JSON.stringify(fixes.map((f) => ({ id: f.index, lon: f.lon, lat: f.lat, status: f.status, busy: f.busy, kind: PATROL_KINDS[f.index % PATROL_KINDS.length] }))));
    const features = states[0]!.map((f) => ({
      type: 'Feature' as const, id: f.index, geometry: { type: 'Point' as const, coordinates: [f.lon, f.lat] },
      properties: { kind: PATROL_KINDS[f.index % PATROL_KINDS.length]!, status: 0, busy: f.busy ? 1 : 0 },
    }));
    strategy = {
      async start() {
        const shown = idle(map);
        await source.setData({ type: 'FeatureCollection', features });
        await shown;
      },
      arrive(k) {
        const t0 = performance.now();
        const sent = timeCall(() => {
          const updates = JSON.parse(texts[k + 1]!) as { id: number; lon: number; lat: number; status: string; busy: boolean }[];
          for (const u of updates) {
            const f = features[u.id]!;
            f.geometry.coordinates = [u.lon, u.lat];
            f.properties.status = u.status === 'online' ? 0 : u.status === 'stale' ? 1 : 2;
            f.properties.busy = u.busy ? 1 : 0;
          }
          return source.setData({ type: 'FeatureCollection', features });
        });
        void sent.then(() => whenRendered(t0));
      },
      stop() {},
    };
  }

  await strategy.start();
  const arrivals: number[] = [];
  const frameMs: number[] = [];
  let measuring = false;
  let last = await nextFrame();
  const watch = (now: number) => {
    if (measuring) frameMs.push(now - last);
    last = now;
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  await tickLoop(ticks, o.tickMs, (k, at) => {
    if (k === 1) {
      measuring = true;
      window.__displayPhase = 'timed';
      parts.merge = parts.upload = parts.draw = 0;
    }
    arrivals.push(at);
    strategy.arrive(k);
  });
  measuring = false;
  window.__displayPhase = 'done';
  strategy.stop();
  // Let the last batches reach the screen (at 50k that takes seconds on software GL).
  const until = performance.now() + 15_000;
  while (applied.filter((a) => a.sentAt >= arrivals.at(-1)!).length === 0 && performance.now() < until) await nextFrame();

  const batches: BatchTiming[] = [];
  // Batch 0 warms up; each later batch owns the calls made until the next one arrived.
  for (let k = 1; k < arrivals.length; k++) {
    const from = arrivals[k]!;
    const to = arrivals[k + 1] ?? from + o.tickMs;
    const own = calls.filter((c) => c.at >= from && c.at < to);
    const shown = applied.find((a) => a.sentAt >= from);
    batches.push({
      applyMs: own.reduce((s, c) => s + c.ms, 0),
      longestMs: Math.max(0, ...own.map((c) => c.ms)),
      updates: o.mode === 'project' ? uploads.filter((at) => at >= from && at < to).length : own.length,
      toRenderMs: shown ? shown.renderedAt - from : NaN,
    });
  }
  map.remove();
  const per = (x: number) => x / o.batches;
  return { batches, frameMs, parts: { merge: per(parts.merge), upload: per(parts.upload), draw: per(parts.draw) } };
}

window.__displayBench = { run };
