// Benchmark 3: in headless Chromium (software GL), the main-thread cost of applying one position
// batch to the map for 1k, 10k and 50k moving patrols, with the client's strategy and with the
// tutorial's full setData per batch (page: bench/display/page.ts).
import { launchChromium } from '../../tests/support/browser.ts';
import { median } from '../lib/stats.ts';
import type { BenchContext } from '../lib/context.ts';
import type { Measured } from '../lib/report.ts';
import { startStaticServer } from './static-server.ts';
import type { DisplayRunOptions, DisplayRunResult } from './page.ts';

const SIZES = [1_000, 10_000, 50_000];
const MODES = ['project', 'baseline'] as const;

type Browser = Awaited<ReturnType<typeof launchChromium>>;

async function runPage(browser: Browser, url: string, o: DisplayRunOptions): Promise<DisplayRunResult & { taskMsPerSecond: number }> {
  // A fresh context (own cache, own renderer) for every configuration: nothing warm on one side only.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.__displayBench !== undefined, null, { timeout: 30_000 });
    // Main-thread busy time as Chromium counts it (script, layout, GL calls, message passing).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
    const run = page.evaluate((opts) => window.__displayBench!.run(opts), o);
    const phase = () => page.evaluate(() => window.__displayPhase);
    let sampled: { from: number; to: number; t0: number; t1: number } | null = null;
    for (;;) {
      const p = await phase();
      if (p === 'timed' && !sampled) sampled = { from: await taskSeconds(), to: NaN, t0: performance.now(), t1: NaN };
      if (p === 'done' || p === undefined && sampled) {
        if (sampled) { sampled.to = await taskSeconds(); sampled.t1 = performance.now(); }
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const result = await run;
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const taskMsPerSecond = sampled ? ((sampled.to - sampled.from) * 1000) / ((sampled.t1 - sampled.t0) / 1000) : NaN;
    return { ...result, taskMsPerSecond };
  } finally {
    await context.close();
  }
}

export async function displayBenchmark(ctx: BenchContext): Promise<Measured[]> {
  const server = await startStaticServer();
  ctx.teardown.add('display page server', () => server.close());
  const browser = await launchChromium();
  ctx.teardown.add('chromium', () => browser.close());
  const batches = ctx.quick ? 3 : 6;
  const out: Measured[] = [];
  for (const n of SIZES) {
    const r = {} as Record<(typeof MODES)[number], DisplayRunResult & { taskMsPerSecond: number }>;
    for (const mode of MODES) {
      r[mode] = await runPage(browser, server.url, { mode, n, batches, tickMs: 1000 });
    }
    const k = `${n / 1000}k`;
    const m = (mode: (typeof MODES)[number], f: (b: DisplayRunResult['batches'][number]) => number) => median(r[mode].batches.map(f));
    const frame = (mode: (typeof MODES)[number]) => median(r[mode].frameMs);
    const p = r.project.parts;
    ctx.log(`  ${k}: project parts per batch: decode+merge ${p.merge.toFixed(2)}, render() with pack+upload ${p.upload.toFixed(2)}, render() drawing only ${p.draw.toFixed(2)} ms; main-thread task time ${r.project.taskMsPerSecond.toFixed(0)} vs ${r.baseline.taskMsPerSecond.toFixed(0)} ms/s`);
    ctx.log(`  ${k}: project ${m('project', (b) => b.applyMs).toFixed(1)} ms/batch in ${m('project', (b) => b.updates)} uploads (longest ${m('project', (b) => b.longestMs).toFixed(1)} ms), shown after ${m('project', (b) => b.toRenderMs).toFixed(0)} ms, frame ${frame('project').toFixed(0)} ms; setData ${m('baseline', (b) => b.applyMs).toFixed(1)} ms, shown after ${m('baseline', (b) => b.toRenderMs).toFixed(0)} ms, frame ${frame('baseline').toFixed(0)} ms`);
    out.push({
      name: `display.batch_main_thread_ms_${k}`, unit: 'ms', value: m('project', (b) => b.applyMs), baseline: m('baseline', (b) => b.applyMs), better: 'lower',
      ...(n === 10_000 ? { target: ['<=', 4] as ['<=', number] } : {}),
      note: `all ${n.toLocaleString('en-US')} move every 1 s; project: decode+merge + every render() MapLibre made on the patrols' GPU layer until the next batch (pack + upload: ${m('project', (b) => b.updates)} per batch; the other frames only draw, the glide runs in the shader), longest call ${m('project', (b) => b.longestMs).toFixed(1)} ms; baseline: JSON.parse + update features + setData`,
    });
    out.push({
      name: `display.batch_to_screen_ms_${k}`, unit: 'ms', value: m('project', (b) => b.toRenderMs), baseline: m('baseline', (b) => b.toRenderMs), better: 'lower',
      note: `batch arrival → first frame MapLibre drew after the worker took the first update carrying it; median frame interval ${frame('project').toFixed(0)} ms (project) / ${frame('baseline').toFixed(0)} ms (setData)`,
    });
    out.push({
      name: `display.main_thread_busy_ms_per_s_${k}`, unit: 'ms/s', value: r.project.taskMsPerSecond, baseline: r.baseline.taskMsPerSecond, better: 'lower',
      note: 'Chromium\'s TaskDuration (CDP Performance metrics) over the timed batches: all main-thread work, MapLibre\'s drawing and GL calls included',
    });
  }
  return out;
}
