// Benchmark 4: point → unit cell over the whole-district grid with the server's Locator, and the
// nearest 5 available patrols among 10k with LivePatrols.nearest (and recommendPatrols), against the
// tutorial loops of turf booleanPointInPolygon / distance calls over the same data.
import * as turf from '@turf/turf';
import { loadLayers, type CellProps } from '../../server/src/geo/layers.ts';
import { Locator } from '../../server/src/geo/locator.ts';
import { AreaIndex } from '../../server/src/geo/area-index.ts';
import { LivePatrols } from '../../server/src/patrols/live-patrols.ts';
import { recommendPatrols } from '../../server/src/cases/recommend.ts';
import type { PatrolRecord } from '../../server/src/store/types.ts';
import { PATROL_KINDS, patrolStatusAt } from '@cw/shared/domain/patrol';
import { CASE_CATEGORIES } from '@cw/shared/domain/taxonomy';
import { fullGridLayersDir } from '../lib/full-grid.ts';
import { median } from '../lib/stats.ts';
import { mulberry32 } from '../../server/src/simulator/random.ts';
import type { BenchContext } from '../lib/context.ts';
import type { Measured } from '../lib/report.ts';

const prng = mulberry32;

/** Runs `body` repeatedly for at least `minMs` (whole batches); returns operations per second. */
function ratePerSecond(minMs: number, batch: number, body: (from: number, count: number) => void): number {
  let done = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    body(done, batch);
    done += batch;
    t = performance.now();
  }
  return (done / (t - t0)) * 1000;
}

async function cellLookups(ctx: BenchContext): Promise<Measured[]> {
  const runs = ctx.quick ? 3 : 5;
  const layersDir = fullGridLayersDir(ctx.log);
  loadLayers(layersDir);
  // What a start pays: the layers (the grid from its binary cache, written by the call above when
  // there was none) and the Locator over them.
  const t0 = performance.now();
  const layers = loadLayers(layersDir);
  const locator = new Locator(layers);
  const buildMs = performance.now() - t0;
  const cells = layers.grid.features.length;

  // Points spread uniformly over the two districts (drawn before timing, with the districts' index).
  const districts = new AreaIndex(layers.districts.features);
  const [w, s, e, n] = locator.bbox;
  const N = ctx.quick ? 200_000 : 1_000_000;
  const xs = new Float64Array(N);
  const ys = new Float64Array(N);
  const rnd = prng(42);
  for (let i = 0; i < N;) {
    const x = w + rnd() * (e - w);
    const y = s + rnd() * (n - s);
    if (districts.find(x, y) >= 0) { xs[i] = x; ys[i] = y; i++; }
  }

  let hits = 0;
  const locate = (from: number, count: number) => {
    for (let i = from; i < from + count; i++) if (locator.locate(xs[i % N]!, ys[i % N]!).cell !== null) hits++;
  };
  locate(0, 50_000);
  const project: number[] = [];
  for (let r = 0; r < runs; r++) {
    hits = 0;
    const t = performance.now();
    locate(0, N);
    project.push(N / ((performance.now() - t) / 1000));
  }
  const hitShare = hits / N;

  // The tutorial: every lookup walks the cells with turf.booleanPointInPolygon until one contains it.
  const features = layers.grid.features as unknown as (Parameters<typeof turf.booleanPointInPolygon>[1] & { properties: CellProps })[];
  const turfLocate = (x: number, y: number): CellProps | null => {
    const pt = turf.point([x, y]);
    for (const f of features) if (turf.booleanPointInPolygon(pt, f)) return f.properties;
    return null;
  };
  let disagree = 0;
  const check = 200;
  for (let i = 0; i < check; i++) if ((turfLocate(xs[i]!, ys[i]!)?.code ?? null) !== locator.locate(xs[i]!, ys[i]!).cell) disagree++;
  const baseline: number[] = [];
  let next = 0;
  for (let r = 0; r < runs; r++) {
    baseline.push(ratePerSecond(ctx.quick ? 500 : 1500, 5, (_, count) => {
      for (let i = 0; i < count; i++, next++) turfLocate(xs[next % N]!, ys[next % N]!);
    }));
  }
  ctx.log(`  ${cells} cells; Locator ${Math.round(median(project))}/s, turf ${median(baseline).toFixed(1)}/s; ${(hitShare * 100).toFixed(1)} % of points in a cell; ${disagree}/${check} answers differ`);
  return [
    {
      name: 'spatial.point_to_cell_lookups_per_s', unit: 'lookups/s', value: median(project), baseline: median(baseline), better: 'higher', target: ['>=', 1_000_000],
      note: `Locator.locate over ${cells.toLocaleString('en-US')} cells (whole 驿城区 at 100 m, from ${layersDir.includes('.full') ? 'data/.full' : 'buildUnitGrid'}), ${N.toLocaleString('en-US')} uniform points in the districts, ${(hitShare * 100).toFixed(1)} % inside a cell; turf disagreed on ${disagree} of ${check}`,
    },
    { name: 'spatial.cell_index_load_ms', unit: 'ms', value: buildMs, better: 'lower', note: `loadLayers (GeoJSON files read, the grid from its binary cache) + new Locator, ${cells.toLocaleString('en-US')} cells: the part of server start that is the grid` },
  ];
}

async function nearestPatrols(ctx: BenchContext): Promise<Measured[]> {
  const runs = ctx.quick ? 3 : 5;
  const N = 10_000;
  const now = Date.now();
  const rnd = prng(7);
  const area = { w: 113.95, s: 32.9, e: 114.1, n: 33.05 };
  const records: PatrolRecord[] = Array.from({ length: N }, (_, i) => ({
    id: `P${i}`, index: i, deviceId: `d${i}`, name: `巡查${i}`, kind: PATROL_KINDS[i % PATROL_KINDS.length]!, unit: '驿城区', homeStreet: null, createdAt: 0,
  }));
  const live = new LivePatrols(
    { list: async () => records, create: async () => { throw new Error('not in the benchmark'); } },
    { append: async () => {}, track: async () => [], latest: async () => [] },
    () => '411702',
  );
  await live.load();
  // 80 % online, 10 % stale, 10 % offline; a fifth of everyone busy on a case.
  const fixTime = new Float64Array(N);
  const move = (step: number) => {
    for (let i = 0; i < N; i++) {
      const r = rnd();
      fixTime[i] = r < 0.8 ? now - 5_000 : r < 0.9 ? now - 120_000 : now - 3_600_000;
      live.report(i, { lon: area.w + rnd() * (area.e - area.w), lat: area.s + rnd() * (area.n - area.s), time: fixTime[i]! + step, speed: 1, heading: 0 });
    }
    live.drainHistory();
  };
  move(0);
  for (let i = 0; i < N; i += 5) live.setBusy(`P${i}`, true);
  const available = (p: PatrolRecord, status: string) => status === 'online' && !live.isBusy(p.id);
  const Q = 4096;
  const qx = Float64Array.from({ length: Q }, () => area.w + rnd() * (area.e - area.w));
  const qy = Float64Array.from({ length: Q }, () => area.s + rnd() * (area.n - area.s));

  // The tutorial: filter the available patrols, turf.distance to each, sort, take 5.
  const plain = records.map((p, i) => ({ p, i }));
  const turfNearest = (x: number, y: number) => {
    const from = turf.point([x, y]);
    return plain
      .filter(({ p, i }) => patrolStatusAt(fixTime[i]!, now) === 'online' && !live.isBusy(p.id))
      .map(({ p, i }) => {
        const pos = live.toPatrol(p, now).position!;
        return { id: p.id, d: turf.distance(from, turf.point([pos.lon, pos.lat])), i };
      })
      .sort((a, b) => a.d - b.d)
      .slice(0, 5);
  };

  let disagree = 0;
  for (let q = 0; q < 100; q++) {
    const a = live.nearest(qx[q]!, qy[q]!, 5, available, now).map((r) => r.patrol.id).join();
    const b = turfNearest(qx[q]!, qy[q]!).map((r) => r.id).join();
    if (a !== b) disagree++;
  }

  const timeQueries = (fn: (q: number) => void, count: number): number => {
    const t = performance.now();
    for (let q = 0; q < count; q++) fn(q % Q);
    return ((performance.now() - t) / count) * 1000;
  };
  const warm: number[] = [];
  const recommend: number[] = [];
  const baseline: number[] = [];
  const category = CASE_CATEGORIES[0]!;
  timeQueries((q) => live.nearest(qx[q]!, qy[q]!, 5, available, now), 2000);
  timeQueries((q) => recommendPatrols(live, { lon: qx[q]!, lat: qy[q]!, street: null }, category, 5, now), 2000);
  timeQueries((q) => turfNearest(qx[q]!, qy[q]!), 20);
  for (let r = 0; r < runs; r++) {
    warm.push(timeQueries((q) => live.nearest(qx[q]!, qy[q]!, 5, available, now), 20_000));
    recommend.push(timeQueries((q) => recommendPatrols(live, { lon: qx[q]!, lat: qy[q]!, street: null }, category, 5, now), 20_000));
    baseline.push(timeQueries((q) => turfNearest(qx[q]!, qy[q]!), ctx.quick ? 30 : 100));
  }
  // In service every patrol moves once a tick; the tick rebuilds the k-d tree (refreshIndex), off
  // the query path, and the next query is the first on the new tree (cold caches).
  const afterMove: number[] = [];
  const rebuild: number[] = [];
  for (let r = 0; r < (ctx.quick ? 10 : 30); r++) {
    move(r + 1);
    const t0 = performance.now();
    live.refreshIndex();
    const t = performance.now();
    live.nearest(qx[r]!, qy[r]!, 5, available, now);
    afterMove.push((performance.now() - t) * 1000);
    rebuild.push((t - t0) * 1000);
  }
  ctx.log(`  nearest: ${median(warm).toFixed(1)} µs warm, ${median(afterMove).toFixed(0)} µs after a move (tree rebuilt by the tick in ${median(rebuild).toFixed(0)} µs); recommend ${median(recommend).toFixed(1)} µs; turf ${median(baseline).toFixed(0)} µs; ${disagree}/100 differ`);
  const setup = `10,000 patrols in a 14 × 17 km area, 80 % online, a fifth busy; turf baseline agreed on ${100 - disagree} of 100 queries`;
  return [
    { name: 'spatial.nearest5_available_us', unit: 'µs', value: median(warm), baseline: median(baseline), better: 'lower', target: ['<=', 50], note: `LivePatrols.nearest(…, 5, online && !busy), k-d tree built; ${setup}` },
    {
      name: 'spatial.nearest5_after_tick_us', unit: 'µs', value: median(afterMove), baseline: median(baseline), better: 'lower', target: ['<=', 50],
      note: `the first nearest() after every patrol moved and the tick rebuilt the k-d tree (refreshIndex, ${median(rebuild).toFixed(0)} µs per tick, off the query path)`,
    },
    { name: 'spatial.recommend5_us', unit: 'µs', value: median(recommend), baseline: median(baseline), better: 'lower', note: 'recommendPatrols (25 candidates by kind, ranked by ETA), k-d tree built' },
  ];
}

export async function spatialBenchmark(ctx: BenchContext): Promise<Measured[]> {
  return [...(await cellLookups(ctx)), ...(await nearestPatrols(ctx))];
}
