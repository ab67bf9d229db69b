// Benchmark 6: server boot to ready (spawn → first 200 from /api/health) with the committed grid and
// with the whole-district grid (~142k cells via LAYERS_DIR), against the tutorial server reading and
// parsing the same grid file; and the wall from navigation to its first complete render.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../tests/support/browser.ts';
import { fullGridFile, fullGridLayersDir } from '../lib/full-grid.ts';
import { projectTokens, repoRoot, spawnProject, spawnServer, startProject, tutorialScript } from '../lib/servers.ts';
import { median } from '../lib/stats.ts';
import type { BenchContext } from '../lib/context.ts';
import type { Measured } from '../lib/report.ts';
import { registeredDataDir } from '../ingest/device-fixture.ts';
import { deviceId, positionOf } from '../ingest/positions.ts';
import { DEVICE_PREFIX } from '../ingest/protocol.ts';
import { wallProbe, type WallTimes } from './wall-probe.ts';

const WALL_PATROLS = 10_000;

async function bootTimes(ctx: BenchContext): Promise<Measured[]> {
  const rounds = ctx.quick ? 2 : 5;
  const fullDir = fullGridLayersDir(ctx.log);
  const grids = { committed: join(repoRoot, 'data', 'grid.geojson'), full: fullGridFile(ctx.log) };
  const variants = [
    { key: 'committed', project: {}, baseline: { GRID_FILE: grids.committed } },
    { key: 'full', project: { LAYERS_DIR: fullDir }, baseline: { GRID_FILE: grids.full } },
  ] as const;
  const times: Record<string, number[]> = {};
  // One discarded round first: both sides then start with the same warm file caches.
  for (let round = -1; round < rounds; round++) {
    for (const v of variants) {
      const p = await spawnProject(ctx.teardown, { ...ctx.serverEnv, ...v.project });
      await p.stop();
      const b = await spawnServer(tutorialScript(), join(repoRoot, 'bench'), v.baseline, ctx.teardown);
      await b.stop();
      if (round < 0) continue;
      (times[`project.${v.key}`] ??= []).push(p.bootMs);
      (times[`baseline.${v.key}`] ??= []).push(b.bootMs);
    }
  }
  const m = (k: string) => median(times[k]!);
  const mb = (f: string) => (statSync(f).size / 1e6).toFixed(1);
  ctx.log(`  boot: committed ${m('project.committed').toFixed(0)} ms (tutorial ${m('baseline.committed').toFixed(0)}), full grid ${m('project.full').toFixed(0)} ms (tutorial ${m('baseline.full').toFixed(0)})`);
  return [
    {
      name: 'startup.boot_committed_grid_ms', unit: 'ms', value: m('project.committed'), baseline: m('baseline.committed'), better: 'lower',
      note: `spawn → /api/health 200 (polled every 5 ms), committed grid (${mb(grids.committed)} MB); the real server runs its bundle under plain node (as npm start does); baseline: the tutorial server, compiled to plain JS, parsing the same grid file`,
    },
    {
      name: 'startup.boot_full_grid_ms', unit: 'ms', value: m('project.full'), baseline: m('baseline.full'), better: 'lower', target: ['<=', 1000],
      note: `LAYERS_DIR = committed layers + the whole-district grid (${mb(grids.full)} MB)`,
    },
  ];
}

/** Per page load; a run that has not finished by then counts as this long (and is reported as such). */
const WALL_LIMIT_MS = 60_000;

async function wallRender(ctx: BenchContext): Promise<Measured[]> {
  const dist = join(repoRoot, 'client', 'dist', 'index.html');
  if (!existsSync(dist)) throw new Error('client/dist is missing: `npm run bench` builds it (pnpm --filter @cw/client build)');
  // Not cheap (10–60 s each on software GL here), so 3 runs.
  const runs = ctx.quick ? 2 : 3;
  const server = await startProject(ctx.teardown, { ...ctx.serverEnv, CLIENT_DIST: join(repoRoot, 'client', 'dist') }, await registeredDataDir(ctx, WALL_PATROLS));
  const { admin, display } = await projectTokens(server.url);
  // Fresh fixes, so every patrol is online on the wall.
  const positions = Array.from({ length: WALL_PATROLS }, (_, k) => ({ deviceId: deviceId(DEVICE_PREFIX, k), ...positionOf(k, 1) }));
  const res = await fetch(`${server.url}/api/v1/positions/batch`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ positions }),
  });
  if (!res.ok) throw new Error(`seeding positions: ${res.status}`);
  // The server builds its grid tile index on the first tile request; make that happen before run 1.
  await (await fetch(`${server.url}/api/v1/tiles/grid/12/3345/1650.pbf`, { headers: { authorization: `Bearer ${display}` } })).arrayBuffer();

  const browser = await launchChromium();
  ctx.teardown.add('chromium', () => browser.close());
  const times: WallTimes[] = [];
  let censored = 0;
  for (let r = 0; r < runs; r++) {
    // A new context each time: empty HTTP cache and storage, as a wall that was just switched on.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(wallProbe, { expected: WALL_PATROLS });
      await page.goto(`${server.url}/wall?display=${display}`, { waitUntil: 'commit' });
      try {
        await page.waitForFunction(() => (window as unknown as { __benchWall?: WallTimes }).__benchWall?.completeAt !== undefined, null, { timeout: WALL_LIMIT_MS, polling: 50 });
      } catch {
        censored++;
      }
      const t = await page.evaluate(() => (window as unknown as { __benchWall: WallTimes }).__benchWall);
      times.push({ ...t, completeAt: t.completeAt ?? WALL_LIMIT_MS });
    } finally {
      await context.close();
    }
  }
  await server.stop();
  const at = (f: (t: WallTimes) => number | undefined) => median(times.map((t) => f(t) ?? NaN));
  const ms = (f: (t: WallTimes) => number | undefined) => (Number.isFinite(at(f)) ? `${at(f).toFixed(0)} ms` : 'not reached');
  const steps = `map ready ${ms((t) => t.mapReadyAt)}, snapshot merged ${ms((t) => t.mergedAt)}, handed to the map ${ms((t) => t.shownAt)}, applied by the worker ${ms((t) => t.appliedAt)}`;
  const limit = censored ? `; ${censored} of ${runs} runs had not finished after ${WALL_LIMIT_MS / 1000} s and count as ${WALL_LIMIT_MS / 1000} s` : '';
  ctx.log(`  wall: ${steps}, complete ${at((t) => t.completeAt).toFixed(0)} ms${limit}`);
  return [{
    name: 'startup.wall_first_render_ms', unit: 'ms', value: at((t) => t.completeAt), better: 'lower', target: ['<=', 2000],
    note: `navigation → first frame drawn with all ${WALL_PATROLS.toLocaleString('en-US')} patrols applied and every source's tiles loaded (window.__cw hooks; not idle: with cases on the map their pulsing halo repaints every frame), 1920×1080, fresh browser context per run, median of ${runs}; ${steps}${limit}; no baseline`,
  }];
}

export async function startupBenchmark(ctx: BenchContext): Promise<Measured[]> {
  const boot = await bootTimes(ctx);
  try {
    return [...boot, ...(await wallRender(ctx))];
  } catch (err) {
    // The boot times stand on their own; the wall's failure is reported in its row.
    ctx.log(`  wall: failed: ${(err as Error).message}`);
    return [...boot, { name: 'startup.wall_first_render_ms', unit: 'ms', value: null, better: 'lower', target: ['<=', 2000], note: `failed: ${(err as Error).message.split('\n')[0]}` }];
  }
}
