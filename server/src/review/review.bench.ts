// Review benchmark (not a test): a million generated cases in a temporary store, the index loaded
// from it, and the median time of each kind of question over several windows and filters —
// selection, aggregation and JSON encoding included, as a request would pay them.
//
//   tsx server/src/review/review.bench.ts [--cases 1000000] [--data-dir DIR] [--runs 7] [--out FILE]
//
// With --data-dir pointing at a store that already holds generated history, generation is skipped.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../store/sqlite/open-database.ts';
import { fillStore } from '../history/fill-store.ts';
import { CaseIndex } from './case-index.ts';
import { inspectionSitesFrom } from './site-risk.ts';
import { offlineReviewService, reviewGround } from './offline-review.ts';
import type { FilterQuery } from './review-service.ts';
import { sqliteReviewRepo } from './sqlite-review-repo.ts';

const DAY = 86_400_000;
const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const cases = Number(arg('cases') ?? 1_000_000);
const runs = Number(arg('runs') ?? 7);
const layersDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'data');
const given = arg('data-dir');
const dataDir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'cw-review-bench-'));
const report: Record<string, unknown> = { machine: `${cpus()[0]?.model.trim()} × ${cpus().length}, Node ${process.version}`, cases };

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]!; };
const gc = (globalThis as { gc?: () => void }).gc;

try {
  if (!existsSync(join(dataDir, 'command-center.db'))) {
    const g = await fillStore({
      cases, days: 365, seed: 20200818, end: Date.now(), patrols: 120, patrolDays: 1, fixSeconds: 15,
      assessmentMmdd: '09-01', layersDir, dataDir,
    }, { worker: true, log: (m) => process.stdout.write(`\r${m}   `) });
    report.generation = g;
    console.log(`\ngenerated ${g.cases} cases, ${g.events} events in ${(g.ms.total / 1000).toFixed(1)} s`);
  }
  // Opening migrates: migration 3 builds the partial index the rework marks load from.
  const tm = performance.now();
  const db = openDatabase(join(dataDir, 'command-center.db'));
  report.openAndMigrateMs = Math.round(performance.now() - tm);
  const repo = sqliteReviewRepo(db);
  const ground = reviewGround(layersDir);
  const { layers, context: ctx } = ground;

  gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const index = await CaseIndex.load(repo, ctx);
  const loadMs = performance.now() - t0;
  gc?.();
  const after = process.memoryUsage();
  report.indexLoad = {
    ms: Math.round(loadMs), rows: index.size,
    typedArraysMb: mb(after.arrayBuffers - before.arrayBuffers), heapMb: mb(after.heapUsed - before.heapUsed), rssMb: mb(after.rss),
    gcExposed: Boolean(gc),
  };
  console.log('index load', report.indexLoad);

  const features = (name: 'inspection-points') => (JSON.parse(layers.files.get(name)!.raw.toString('utf8')) as { features: never[] }).features;
  const review = offlineReviewService(ground, index, repo, inspectionSitesFrom(features('inspection-points')));

  const last = index.created[index.size - 1]!;
  const days = (n: number) => ({ from: last + 1 - n * DAY, to: last + 1 });
  const windows: Record<string, { from: number; to: number }> = { '7 days': days(7), '30 days': days(30), '92 days': days(92), 'year': days(365) };
  const street = ctx.areas.streets.code(0);
  const filters: Record<string, FilterQuery> = {
    'none': {},
    'category': { category: 'street_dirty,road_vending' },
    'district+state': { district: '411702', state: 'closed' },
    'street': { street },
    'item+unit': { item: 'A09', unit: 'cgj,zjj' },
  };
  const time = (f: () => unknown) => {
    const samples: number[] = [];
    for (let r = 0; r < runs; r++) {
      const s = performance.now();
      JSON.stringify(f());
      samples.push(performance.now() - s);
    }
    return median(samples);
  };
  const ops: Record<string, (w: { from: number; to: number }, q: FilterQuery) => unknown> = {
    'heat (≈100 m bins)': (w, q) => review.heat(w, q, 1),
    'heat (≈400 m bins)': (w, q) => review.heat(w, q, 4),
    'choropleth cells, count': (w, q) => review.choropleth(w, q, 'cell', 'count'),
    'choropleth communities, overdue rate': (w, q) => review.choropleth(w, q, 'community', 'overdue_rate'),
    'choropleth streets, mean handling': (w, q) => review.choropleth(w, q, 'street', 'mean_handling'),
    'rankings streets (p90)': (w, q) => review.rankings(w, q, 'street'),
    'rankings units (p90)': (w, q) => review.rankings(w, q, 'unit'),
    'day series, communities': (w, q) => review.series(w, q, 'community', 1),
    'compare with the period before, cells': (w, q) => review.compare({ from: 2 * w.from - w.to, to: w.from }, w, q, 'cell'),
  };
  const results: Record<string, { median: number; max: number }> = {};
  const table: string[] = [];
  for (const [op, f] of Object.entries(ops)) {
    const per: number[] = [];
    for (const w of Object.values(windows)) for (const q of Object.values(filters)) per.push(time(() => f(w, q)));
    results[op] = { median: Math.round(median(per) * 10) / 10, max: Math.round(Math.max(...per) * 10) / 10 };
    table.push(`${op.padEnd(40)} median ${results[op].median.toFixed(1).padStart(7)} ms   worst ${results[op].max.toFixed(1).padStart(7)} ms`);
  }
  const fine: number[] = [];
  for (const w of [windows['7 days']!, windows['30 days']!, windows['92 days']!]) {
    for (const q of Object.values(filters)) fine.push(time(() => review.series(w, q, 'bin', 4)), time(() => review.series(w, q, 'cell', 1)));
  }
  results['day series, cells and heat bins (≤ 92 days)'] = { median: Math.round(median(fine) * 10) / 10, max: Math.round(Math.max(...fine) * 10) / 10 };
  const assessment: number[] = [];
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    JSON.stringify(await review.assessment({}, 12));
    JSON.stringify(review.sites({}));
    assessment.push(performance.now() - s);
  }
  results['assessment tracker + sites at risk'] = { median: Math.round(median(assessment) * 10) / 10, max: Math.round(Math.max(...assessment) * 10) / 10 };
  for (const k of ['day series, cells and heat bins (≤ 92 days)', 'assessment tracker + sites at risk']) {
    table.push(`${k.padEnd(40)} median ${results[k]!.median.toFixed(1).padStart(7)} ms   worst ${results[k]!.max.toFixed(1).padStart(7)} ms`);
  }
  report.queries = results;
  report.combinations = `${Object.keys(windows).length} windows × ${Object.keys(filters).length} filters, median of ${runs} runs each`;
  console.log(`\n${report.machine}; ${index.size} cases; ${report.combinations}\n${table.join('\n')}`);
  db.close();
  const out = arg('out');
  if (out) writeFileSync(out, JSON.stringify(report, null, 2));
} finally {
  if (!given) rmSync(dataDir, { recursive: true, force: true });
}
