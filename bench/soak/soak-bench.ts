// Load and soak (issue 6): 10k patrols at 1 Hz and 200 displays for N minutes, with a trickle of
// one new case per second through the REST API, on the real server and on the tutorial server.
// Reuses the fan-out benchmark's systems (server process + load generator + display workers); adds
// what a long run needs: RSS from /proc every few seconds, the event-loop delay from a hook loaded
// into both servers alike (loop-lag-hook.mjs), and a stop when a server's memory runs away.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuWindow, rssMb } from '../lib/proc-cpu.ts';
import { median, sleep } from '../lib/stats.ts';
import { login } from '../../tests/support/server-process.ts';
import type { BenchContext } from '../lib/context.ts';
import type { Measured } from '../lib/report.ts';
import { DEVICES, counter, startDisplays, startSystem, type Kind, type System } from '../ingest/ingest-bench.ts';
import { DISPLAY_COUNTERS, LOAD_COUNTERS } from '../ingest/protocol.ts';
import { rssTrend, type RssSample } from './rss-trend.ts';
import { startCaseTrickle, type CaseTrickle } from './case-trickle.ts';

const DISPLAYS = 200;
const SAMPLE_MS = 5000;
/** A server above this is stopped early (the tutorial one buffers what its displays cannot take). */
const RSS_CAP_MB = 4096;
const hook = fileURLToPath(new URL('./loop-lag-hook.mjs', import.meta.url));

export interface SoakPlan {
  totalMs: number;
  warmMs: number;
}

/** The whole soak lasts `minutes`; RSS growth is counted from the end of a 1-minute warm-up (half of a shorter soak). */
export function soakPlan(minutes: number): SoakPlan {
  const totalMs = minutes * 60_000;
  return { totalMs, warmMs: Math.min(60_000, totalMs / 2) };
}

/** Wall-clock budget of the benchmark: both servers, their fixtures and start-up. */
export function soakBudgetMs(minutes: number, baselineMinutes = minutes): number {
  return soakPlan(minutes).totalMs + soakPlan(baselineMinutes).totalMs + 2 * 240_000;
}

interface LagLine { t: number; windowP99: number; windowMax: number; spanP50: number; spanP99: number; spanMax: number; spanCount: number }

function lagLines(file: string): LagLine[] {
  let text = '';
  try { text = readFileSync(file, 'utf8'); } catch { return []; }
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LagLine);
}

interface Outcome {
  rss: RssSample[];
  growthMb: number;
  slopeMbPerMin: number;
  lagP99: number;
  lagWorstWindowP99: number;
  lagMax: number;
  delivered: number;
  cpu: number;
  measuredMin: number;
  stoppedEarly: string | null;
  cases: { created: number; failed: number } | null;
  skippedGroups: number;
  /** The real server's own cw_event_loop_lag_seconds{quantile="0.99"} per scrape after the warm-up, ms (a cross-check). */
  metricsP99: number[];
}

/** The p99 event-loop lag the real server exports since its last scrape, in ms; NaN when unreadable. */
async function scrapeLagP99(url: string): Promise<number> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const m = /^cw_event_loop_lag_seconds\{quantile="0\.99"\} (\S+)$/m.exec(text);
    return m ? Number(m[1]) * 1000 : NaN;
  } catch {
    return NaN;
  }
}

async function soakOne(ctx: BenchContext, kind: Kind, plan: SoakPlan): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-soak-'));
  const lagFile = join(dir, 'lag.jsonl');
  const removeDir = ctx.teardown.add('soak files', () => rmSync(dir, { recursive: true, force: true }));
  const nodeOptions = [ctx.serverEnv.NODE_OPTIONS, `--import=${hook}`].filter(Boolean).join(' ');
  const sys: System = await startSystem(ctx, kind, { NODE_OPTIONS: nodeOptions, BENCH_LAG_FILE: lagFile, BENCH_LAG_EVERY_MS: String(SAMPLE_MS) });
  const displays = await startDisplays(ctx, sys, DISPLAYS, 0);
  const pid = sys.server.pid;
  let trickle: CaseTrickle | null = null;
  if (kind === 'project') trickle = startCaseTrickle(sys.server.url, await login(sys.server.url, 'admin'), 1000);
  const stopTrickle = ctx.teardown.add('case trickle', () => trickle?.stop());
  sys.load.send({ type: 'steady', devices: DEVICES, hz: 1, groupMs: 100 });
  const t0 = performance.now();
  const skipped0 = counter(sys.shared.load, LOAD_COUNTERS.skipped);

  const rss: RssSample[] = [];
  const metricsP99: number[] = [];
  let warm: { at: number; fixes: number; cpu: () => { cpu: number; wall: number } } | null = null;
  let stoppedEarly: string | null = null;
  for (;;) {
    await sleep(SAMPLE_MS);
    const elapsed = performance.now() - t0;
    const mb = rssMb(pid);
    rss.push({ minute: elapsed / 60_000, mb });
    if (kind === 'project') {
      const p99 = await scrapeLagP99(sys.server.url);
      if (warm) metricsP99.push(p99);
    }
    if (!warm && elapsed >= plan.warmMs) {
      process.kill(pid, 'SIGUSR2');
      warm = { at: Date.now(), fixes: counter(sys.shared.display, DISPLAY_COUNTERS.fixes), cpu: cpuWindow(pid) };
    }
    if (Math.round(elapsed / SAMPLE_MS) % 12 === 0) ctx.log(`  ${kind}: ${(elapsed / 60_000).toFixed(1)} min, RSS ${mb.toFixed(0)} MB`);
    if (mb > RSS_CAP_MB) {
      stoppedEarly = `stopped after ${(elapsed / 60_000).toFixed(1)} min: RSS ${mb.toFixed(0)} MB > ${RSS_CAP_MB} MB`;
      break;
    }
    if (elapsed >= plan.totalMs) break;
  }
  // Read before anything stops: the windows end here.
  const window = warm?.cpu() ?? null;
  const fixes = warm ? counter(sys.shared.display, DISPLAY_COUNTERS.fixes) - warm.fixes : NaN;
  await sleep(SAMPLE_MS + 500); // one more lag line covering the last interval
  const lag = lagLines(lagFile);
  const cases = trickle ? trickle.counts() : null;
  const skippedGroups = counter(sys.shared.load, LOAD_COUNTERS.skipped) - skipped0;
  await stopTrickle();
  await sys.load.request({ type: 'stop' });
  await displays.close();
  await sys.load.worker.terminate();
  await sys.server.stop();
  await removeDir();

  // Windows that began after the warm-up.
  const afterWarm = warm ? lag.filter((l) => l.t - SAMPLE_MS >= warm!.at) : [];
  const last = lag.at(-1);
  const trend = rssTrend(rss, plan.warmMs / 60_000);
  return {
    rss, growthMb: trend.growthMb, slopeMbPerMin: trend.slopeMbPerMin,
    lagP99: last?.spanP99 ?? NaN,
    lagWorstWindowP99: Math.max(...afterWarm.map((l) => l.windowP99)),
    lagMax: last?.spanMax ?? NaN,
    delivered: window ? fixes / DISPLAYS / window.wall : NaN,
    cpu: window ? (window.cpu / window.wall) * 100 : NaN,
    measuredMin: window ? window.wall / 60 : 0,
    stoppedEarly, cases, skippedGroups, metricsP99,
  };
}

/** The soak benchmark: `ctx.soakMinutes` of load on each server, one after the other. */
export async function soakBenchmark(ctx: BenchContext): Promise<Measured[]> {
  const plan = soakPlan(ctx.soakMinutes);
  const baselinePlan = soakPlan(ctx.soakBaselineMinutes);
  const r = {} as Record<Kind, Outcome>;
  for (const kind of ['project', 'baseline'] as const) {
    r[kind] = await soakOne(ctx, kind, kind === 'project' ? plan : baselinePlan);
    const o = r[kind];
    ctx.log(`  ${kind}: RSS ${o.growthMb >= 0 ? '+' : ''}${o.growthMb.toFixed(1)} MB (${o.slopeMbPerMin.toFixed(2)} MB/min) over ${o.measuredMin.toFixed(1)} min after warm-up; ` +
      `loop lag p99 ${o.lagP99.toFixed(1)} ms (worst ${SAMPLE_MS / 1000} s window ${o.lagWorstWindowP99.toFixed(1)} ms, max ${o.lagMax.toFixed(0)} ms); ` +
      `${Math.round(o.delivered)} updates/s per display; CPU ${o.cpu.toFixed(1)} %` +
      `${o.cases ? `; cases ${o.cases.created} created, ${o.cases.failed} failed` : ''}${o.stoppedEarly ? `; ${o.stoppedEarly}` : ''}`);
  }
  const p = r.project;
  const b = r.baseline;
  const span = (o: Outcome) => `${o.measuredMin.toFixed(1)} min after a ${((o === b ? baselinePlan : plan).warmMs / 60_000).toFixed(2)}-min warm-up${o.stoppedEarly ? ` (${o.stoppedEarly})` : ''}`;
  const setup = `${DEVICES.toLocaleString('en-US')} devices at 1 Hz, ${DISPLAYS} Socket.IO displays, ${ctx.soakMinutes} min (baseline ${ctx.soakBaselineMinutes} min)` +
    `; real server also gets 1 new case/s over REST (${p.cases?.created ?? 0} created, ${p.cases?.failed ?? 0} failed)`;
  return [
    {
      name: 'soak.rss_growth_mb', unit: 'MB', value: p.growthMb, baseline: b.growthMb, better: 'lower',
      note: `RSS (/proc/<pid>/status every ${SAMPLE_MS / 1000} s) at the end − after the warm-up, over ${span(p)}; slope ${p.slopeMbPerMin.toFixed(2)} MB/min ` +
        `(baseline ${b.slopeMbPerMin.toFixed(2)} MB/min over ${span(b)}); end RSS ${p.rss.at(-1)?.mb.toFixed(0)} / ${b.rss.at(-1)?.mb.toFixed(0)} MB; ${setup}`,
    },
    {
      name: 'soak.rss_slope', unit: 'MB/min', value: p.slopeMbPerMin, baseline: b.slopeMbPerMin, better: 'lower',
      note: 'least-squares slope of the RSS samples after the warm-up',
    },
    {
      name: 'soak.event_loop_lag_p99_ms', unit: 'ms', value: p.lagP99, baseline: b.lagP99, better: 'lower',
      note: `monitorEventLoopDelay (10 ms resolution) in the server process over the whole span after the warm-up; worst ${SAMPLE_MS / 1000}-s window p99 ` +
        `${p.lagWorstWindowP99.toFixed(1)} / ${b.lagWorstWindowP99.toFixed(1)} ms, max ${p.lagMax.toFixed(0)} / ${b.lagMax.toFixed(0)} ms; ` +
        `the real server's own /metrics gauge (p99 per ${SAMPLE_MS / 1000}-s scrape) had median ${median(p.metricsP99).toFixed(1)} ms, worst ${Math.max(...p.metricsP99).toFixed(1)} ms`,
    },
    {
      name: 'soak.delivered_per_display', unit: 'updates/s', value: p.delivered, baseline: b.delivered, better: 'higher',
      note: `position fixes each display received per second after the warm-up (${DEVICES.toLocaleString('en-US')} are sent; load groups skipped for unanswered requests: ${p.skippedGroups} / ${b.skippedGroups})`,
    },
    { name: 'soak.server_cpu', unit: '% of a core', value: p.cpu, baseline: b.cpu, better: 'lower', note: 'whole server process after the warm-up, from /proc/<pid>/stat' },
  ];
}
