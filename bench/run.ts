// The benchmark suite (`npm run bench`): each benchmark runs the project's real code and, in the same
// run, a naive baseline doing the same work; prints the table and writes bench/results/latest.json
// and latest.md. Options: --only=<id,…> (ids below), --quick (fewer, shorter runs), --profile
// (the real server writes V8 CPU profiles, bench/results/server-<pid>.tmp.cpuprofile, git-ignored),
// --soak-minutes=N (the soak's length; it runs only when named in --only), --soak-baseline-minutes=N
// (the soak baseline's length, default the same).
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Teardown, killChildren, withTimeout } from './lib/teardown.ts';
import { machine } from './lib/machine.ts';
import { consoleTable, toRecord, writeResults, type Measured, type ResultRecord } from './lib/report.ts';
import type { BenchContext } from './lib/context.ts';
import { fanoutBenchmark, ingestBenchmark, wireBenchmark } from './ingest/ingest-bench.ts';
import { spatialBenchmark } from './spatial/spatial-bench.ts';
import { startupBenchmark } from './startup/cold-start.ts';
import { displayBenchmark } from './display/display-bench.ts';
import { reviewBenchmark } from './review/review-bench.ts';
import { soakBenchmark, soakBudgetMs } from './soak/soak-bench.ts';

interface Benchmark {
  id: string;
  title: string;
  /** Upper bound on its wall time; the suite stays within ~10 minutes. */
  budgetMs: number | ((ctx: BenchContext) => number);
  /** Runs only when named in --only (it takes longer than the whole suite). */
  onDemand?: boolean;
  run?: (ctx: BenchContext) => Promise<Measured[]>;
  /** Why it does not run yet (it is listed, with the reason, instead of measured). */
  skip?: { reason: string; metric: Omit<Measured, 'value' | 'better'> & { better: Measured['better'] } };
}

// In the order they run: the ones without the client first.
const BENCHMARKS: Benchmark[] = [
  { id: 'wire', title: '2. Wire size per position update', budgetMs: 150_000, run: wireBenchmark },
  { id: 'spatial', title: '4. Spatial: point → cell, nearest available patrols', budgetMs: 120_000, run: spatialBenchmark },
  { id: 'ingest', title: '1. Ingest + fan-out at saturation', budgetMs: 150_000, run: ingestBenchmark },
  { id: 'fanout', title: '1. Fan-out to 200 displays, ingest→display latency', budgetMs: 270_000, run: fanoutBenchmark },
  { id: 'review', title: '5. Review aggregation over 1M historical cases', budgetMs: 900_000, run: reviewBenchmark },
  { id: 'startup', title: '6. Cold start: server boot, wall first render', budgetMs: 300_000, run: startupBenchmark },
  { id: 'display', title: '3. Display: main thread per position batch (headless Chromium, software GL)', budgetMs: 180_000, run: displayBenchmark },
  {
    id: 'soak', title: '6. Load and soak: 10k patrols at 1 Hz, 200 displays, a case a second', onDemand: true,
    budgetMs: (ctx) => soakBudgetMs(ctx.soakMinutes, ctx.soakBaselineMinutes), run: soakBenchmark,
  },
];

const resultsDir = join(fileURLToPath(new URL('.', import.meta.url)), 'results');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const quick = args.includes('--quick');
  const profile = args.includes('--profile');
  const soakArg = args.find((a) => a.startsWith('--soak-minutes='))?.slice('--soak-minutes='.length);
  const soakMinutes = soakArg === undefined ? (quick ? 1 : 10) : Number(soakArg);
  const baselineArg = args.find((a) => a.startsWith('--soak-baseline-minutes='))?.slice('--soak-baseline-minutes='.length);
  const soakBaselineMinutes = baselineArg === undefined ? soakMinutes : Number(baselineArg);
  if (!(soakBaselineMinutes > 0 && soakBaselineMinutes <= 24 * 60)) {
    console.error(`--soak-baseline-minutes must be a number of minutes in (0, 1440], got "${baselineArg}"`);
    return 2;
  }
  if (!(soakMinutes > 0 && soakMinutes <= 24 * 60)) {
    console.error(`--soak-minutes must be a number of minutes in (0, 1440], got "${soakArg}"`);
    return 2;
  }
  const unknown = only?.filter((id) => !BENCHMARKS.some((b) => b.id === id)) ?? [];
  if (unknown.length) {
    console.error(`unknown benchmark(s) ${unknown.join(', ')}; ids: ${BENCHMARKS.map((b) => b.id).join(', ')}`);
    return 2;
  }
  const serverEnv: Record<string, string> = {};
  if (profile) {
    mkdirSync(resultsDir, { recursive: true });
    serverEnv.NODE_OPTIONS = `--import=${new URL('./lib/cpu-profile-hook.mjs', import.meta.url).href}`;
    serverEnv.BENCH_PROFILE_DIR = resultsDir;
  }

  const teardown = new Teardown();
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.error(`[bench] ${signal}: stopping everything`);
    void teardown.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  process.once('exit', killChildren);

  const date = new Date().toISOString();
  const loadAtStart = loadavg()[0]!;
  const host = machine();
  const ctx: BenchContext = { teardown, log: (m) => console.log(m), quick, serverEnv, soakMinutes, soakBaselineMinutes };
  const records: ResultRecord[] = [];
  const ran: string[] = [];
  let failed = 0;
  const started = performance.now();
  for (const b of BENCHMARKS) {
    if (only ? !only.includes(b.id) : b.onDemand) continue;
    ran.push(b.id);
    if (!b.run) {
      console.log(`\n${b.title}: skipped — ${b.skip!.reason}`);
      records.push(toRecord({ ...b.skip!.metric, value: null, note: `skipped: ${b.skip!.reason}` }, host, date));
      continue;
    }
    console.log(`\n${b.title}`);
    const t0 = performance.now();
    try {
      const measured = await withTimeout(b.run(ctx), typeof b.budgetMs === 'number' ? b.budgetMs : b.budgetMs(ctx), b.id);
      records.push(...measured.map((m) => toRecord(m, host, date)));
    } catch (err) {
      failed++;
      console.error(`[bench] ${b.id} failed: ${(err as Error).stack ?? err}`);
      records.push(toRecord({ name: `${b.id}.failed`, unit: '', value: null, better: 'lower', note: `failed: ${(err as Error).message.split('\n')[0]}` }, host, date));
    } finally {
      await teardown.run();
    }
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }

  const load = `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (other work shares the machine)`;
  const header = `# Benchmarks\n\n${host} — ${date} — ${load}${quick ? ' — QUICK run, not comparable' : ''}\n\n` +
    'Medians of several runs. `ratio` = value / baseline; "vs baseline" reads it the right way round. ' +
    'See bench/README.md for what each benchmark does.';
  const all = writeResults(resultsDir, records, ran, header);
  console.log(`\n${consoleTable(all)}\n\nwrote bench/results/latest.json and latest.md (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    killChildren();
    process.exit(1);
  },
);
