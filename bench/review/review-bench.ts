// Benchmark 5: the leaders' review over a year of history (1M generated cases; --quick: 100k). The
// project answers from its compact in-memory CaseIndex (ReviewService, as GET /api/v1/review/*
// does, JSON encoding included); the naive baseline does what the issue forbids — per request,
// load the window's rows from the store into JavaScript objects and aggregate them — and, as a
// second reference, SQLite aggregates with GROUP BY over its created_at index. Same store, same
// windows and filters on every side; the counts are checked equal before anything is timed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/src/store/sqlite/open-database.ts';
import { fillStore } from '../../server/src/history/fill-store.ts';
import { CaseIndex } from '../../server/src/review/case-index.ts';
import type { FilterQuery } from '../../server/src/review/review-service.ts';
import { offlineReviewService, reviewGround } from '../../server/src/review/offline-review.ts';
import { sqliteReviewRepo } from '../../server/src/review/sqlite-review-repo.ts';
import { repoRoot } from '../lib/servers.ts';
import { median } from '../lib/stats.ts';
import type { BenchContext } from '../lib/context.ts';
import type { Measured } from '../lib/report.ts';
import { naiveChoropleth, naiveHeat, naiveStreetRankings, sqlCellCounts, type Window } from './naive-review.ts';

const DAY = 86_400_000;
const layersDir = join(repoRoot, 'data');

/** A store with `cases` generated cases, made once and kept in the OS temp dir, keyed by the
 *  generator's sources (a changed generator makes a new one; opening the store migrates it). */
async function historyStore(cases: number, log: (m: string) => void): Promise<string> {
  const h = createHash('sha1');
  const historyDir = join(repoRoot, 'server', 'src', 'history');
  for (const f of readdirSync(historyDir).sort()) if (f.endsWith('.ts') && !f.endsWith('.test.ts')) h.update(readFileSync(join(historyDir, f)));
  const dir = join(tmpdir(), 'cw-bench', `review-${cases}-${h.digest('hex').slice(0, 10)}`);
  const done = join(dir, 'complete');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`  generating ${cases.toLocaleString('en')} cases into ${dir} (once; ~6 min for 1M here)`);
  const g = await fillStore({
    cases, days: 365, seed: 20200818, end: Date.UTC(2026, 10, 1), patrols: 120, patrolDays: 1, fixSeconds: 15,
    assessmentMmdd: '09-01', layersDir, dataDir: dir,
  }, { worker: true });
  writeFileSync(done, JSON.stringify(g));
  log(`  generated ${g.cases.toLocaleString('en')} cases, ${g.events.toLocaleString('en')} events in ${(g.ms.total / 1000).toFixed(0)} s`);
  return dir;
}

/** Median ms of `runs` calls, each result JSON-encoded as a response would be. */
function timeMs(runs: number, f: () => unknown): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    JSON.stringify(f());
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export async function reviewBenchmark(ctx: BenchContext): Promise<Measured[]> {
  const cases = ctx.quick ? 100_000 : 1_000_000;
  const runs = ctx.quick ? 3 : 5;
  const baselineRuns = ctx.quick ? 1 : 3;
  const dir = await historyStore(cases, ctx.log);
  const db = openDatabase(join(dir, 'command-center.db'));
  try {
    const ground = reviewGround(layersDir);
    const { context } = ground;
    const { heat } = context;
    const repo = sqliteReviewRepo(db);
    const t0 = performance.now();
    const index = await CaseIndex.load(repo, context);
    const loadMs = performance.now() - t0;
    const review = offlineReviewService(ground, index, repo, []);

    const last = index.created[index.size - 1]!;
    const window = (days: number): Window => ({ from: last + 1 - days * DAY, to: last + 1 });
    const windows = [window(7), window(30), window(92), window(365)];
    const filters: FilterQuery[] = [{}, { category: 'street_dirty,road_vending' }, { district: '411702', state: 'closed' }];
    const combos = windows.flatMap((w) => filters.map((q) => ({ w, q })));

    // The same answers on every side, or the timing means nothing.
    for (const { w, q } of [{ w: windows[1]!, q: filters[0]! }, { w: windows[2]!, q: filters[1]! }, { w: windows[3]!, q: filters[2]! }]) {
      const ours = review.choropleth(w, q, 'cell', 'count');
      const mine = new Map<string, number>();
      ours.ids.forEach((id, k) => { if (ours.counts[k]) mine.set(context.areas.cells.code(id), ours.counts[k]!); });
      const naive = naiveChoropleth(db, w, q);
      const sql = sqlCellCounts(db, w, q);
      for (const [name, other] of [['naive', naive], ['GROUP BY', sql]] as const) {
        if (other.size !== mine.size || [...other].some(([cell, n]) => mine.get(cell) !== n)) {
          throw new Error(`review: ${name} cell counts differ from the index's for ${JSON.stringify({ w, q })}`);
        }
      }
      const bins = review.heat(w, q, 1);
      if (bins.total !== naiveHeat(db, heat, w, q).total) throw new Error('review: naive heat total differs from the index');
    }

    ctx.log(`  index of ${index.size.toLocaleString('en')} cases loaded in ${(loadMs / 1000).toFixed(1)} s; ${combos.length} window × filter combinations`);
    const per = (f: (w: Window, q: FilterQuery) => unknown, n: number) => median(combos.map(({ w, q }) => timeMs(n, () => f(w, q))));
    const heatMs = per((w, q) => review.heat(w, q, 1), runs);
    const heatNaive = per((w, q) => naiveHeat(db, heat, w, q), baselineRuns);
    const choroMs = per((w, q) => review.choropleth(w, q, 'cell', 'count'), runs);
    const choroNaive = per((w, q) => naiveChoropleth(db, w, q), baselineRuns);
    const choroSql = per((w, q) => sqlCellCounts(db, w, q), baselineRuns);
    const rankMs = per((w, q) => review.rankings(w, q, 'street'), runs);
    const rankNaive = per((w, q) => naiveStreetRankings(db, w, q), baselineRuns);
    const worst = Math.max(...combos.map(({ w, q }) => Math.max(timeMs(runs, () => review.heat(w, q, 1)), timeMs(runs, () => review.choropleth(w, q, 'cell', 'count')))));

    const what = `${index.size.toLocaleString('en')} generated cases over a year, windows 7/30/92/365 days × filters none / 2 categories / district+state; median over the ${combos.length} combinations of each one's median of ${runs} (baseline ${baselineRuns}) runs, JSON encoding included`;
    return [
      { name: 'review.heat_ms', unit: 'ms', value: heatMs, baseline: heatNaive, better: 'lower', target: ['<=', 150],
        note: `heatmap bins (≈100 m): ReviewService.heat from the CaseIndex; baseline: SELECT the window's rows into objects, filter and bin in JS; ${what}` },
      { name: 'review.choropleth_cells_ms', unit: 'ms', value: choroMs, baseline: choroNaive, better: 'lower', target: ['<=', 150],
        note: 'counts per unit cell: ReviewService.choropleth(cell, count); baseline: rows into objects, counted in a Map' },
      { name: 'review.choropleth_cells_vs_sql_ms', unit: 'ms', value: choroMs, baseline: choroSql, better: 'lower',
        note: 'the same counts against SQLite itself: SELECT cell, COUNT(*) … WHERE created_at in the window AND the filter GROUP BY cell (index on created_at)' },
      { name: 'review.rankings_streets_ms', unit: 'ms', value: rankMs, baseline: rankNaive, better: 'lower',
        note: 'streets by cases, on-time rate, mean and p90 handling time, reopen rate: ReviewService.rankings; baseline: rows into objects, grouped in JS, handling times sorted per street' },
      { name: 'review.worst_heat_or_choropleth_ms', unit: 'ms', value: worst, better: 'lower', target: ['<=', 150],
        note: 'the slowest combination of heat and cell choropleth (median of its runs)' },
      { name: 'review.index_load_s', unit: 's', value: loadMs / 1000, better: 'lower',
        note: 'CaseIndex.load: one scan of the cases table into typed arrays at server start (the review answers from it, kept current by case events)' },
    ];
  } finally {
    db.close();
  }
}
