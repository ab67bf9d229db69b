// Benchmarks 1 and 2: ingest + fan-out, and bytes on the wire. The server under test (the real one,
// or the tutorial baseline) runs as its own process; the load generator and the display clients run
// in worker threads of this process, so the server's CPU (read from /proc) is its own.
import { startTsWorker } from '../lib/ts-worker.ts';
import { WorkerDriver } from '../lib/worker-driver.ts';
import { cpuWindow, rssMb } from '../lib/proc-cpu.ts';
import { median, quantile, sleep } from '../lib/stats.ts';
import { projectTokens, startBaseline, startProject, type RunningServer } from '../lib/servers.ts';
import type { BenchContext } from '../lib/context.ts';
import type { Measured } from '../lib/report.ts';
import {
  DISPLAY_COUNTERS, LOAD_COUNTERS, createSharedState,
  type DisplayCommand, type DisplayReply, type Endpoint, type LoadCommand, type LoadReply, type SharedState, type Transport,
} from './protocol.ts';
import type { DisplayWorkerData } from './display-worker.ts';
import { registeredDataDir } from './device-fixture.ts';

export type Kind = 'project' | 'baseline';
const KINDS: readonly Kind[] = ['project', 'baseline'];

/** Devices in every scenario: the 10k patrols of the issue's targets. */
export const DEVICES = 10_000;

export interface System {
  kind: Kind;
  server: RunningServer;
  shared: SharedState;
  load: WorkerDriver<LoadCommand, LoadReply>;
  displayToken: string | null;
}

export interface Displays {
  driver: WorkerDriver<DisplayCommand, DisplayReply>;
  close(): Promise<void>;
}

export async function startSystem(ctx: BenchContext, kind: Kind, env: Record<string, string> = {}): Promise<System> {
  const server = kind === 'project'
    ? await startProject(ctx.teardown, { ...ctx.serverEnv, ...env }, await registeredDataDir(ctx, DEVICES))
    : await startBaseline(ctx.teardown, env);
  const tokens = kind === 'project' ? await projectTokens(server.url) : null;
  const endpoint: Endpoint = { url: server.url, deviceUrl: server.deviceUrl, token: tokens?.admin ?? null };
  const shared = createSharedState(DEVICES);
  const worker = startTsWorker(new URL('./load-worker.ts', import.meta.url), { endpoint, shared });
  ctx.teardown.add('load generator', () => worker.terminate());
  const load = new WorkerDriver<LoadCommand, LoadReply>(worker, 'load generator');
  // Every device reports once before anything is measured (all are known to the real server already).
  const r = await load.request({ type: 'register', devices: DEVICES }, 120_000);
  if (r.type !== 'registered' || r.accepted !== DEVICES) throw new Error(`registering ${DEVICES} devices: ${JSON.stringify(r)}`);
  return { kind, server, shared, load, displayToken: tokens?.display ?? null };
}

export async function startDisplays(ctx: BenchContext, sys: System, clients: number, probes: number): Promise<Displays> {
  const data: DisplayWorkerData = { kind: sys.kind, url: sys.server.url, token: sys.displayToken, clients, probes, shared: sys.shared };
  const worker = startTsWorker(new URL('./display-worker.ts', import.meta.url), data);
  const end = ctx.teardown.add('display clients', () => worker.terminate());
  const driver = new WorkerDriver<DisplayCommand, DisplayReply>(worker, 'display clients');
  const ready = await driver.next(180_000);
  if (ready.type !== 'ready' || ready.connected !== clients) throw new Error(`displays: ${JSON.stringify(ready)}`);
  return {
    driver,
    async close() {
      await driver.request({ type: 'close' }, 30_000);
      await end();
    },
  };
}

export function counter(buf: SharedArrayBuffer, i: number): number {
  return new Float64Array(buf)[i]!;
}

async function drain(d: Displays): Promise<{ latencyMs: number[]; tickToReceiptMs: number[] }> {
  const r = await d.driver.request({ type: 'drain' });
  if (r.type !== 'drained') throw new Error(`drain: ${JSON.stringify(r)}`);
  return r;
}

function shape(ctx: BenchContext) {
  return ctx.quick ? { runs: 3, windowMs: 1000, warmMs: 1000 } : { runs: 5, windowMs: 2000, warmMs: 2000 };
}

/** Accepted updates/s and server CPU µs per update at saturation, median of the windows. */
async function saturate(ctx: BenchContext, sys: System, transport: Transport): Promise<{ rate: number; cpuUs: number; rejected: number }> {
  const { runs, windowMs, warmMs } = shape(ctx);
  const rejected0 = counter(sys.shared.load, LOAD_COUNTERS.rejected) + counter(sys.shared.load, LOAD_COUNTERS.errors);
  sys.load.send({ type: 'saturate', transport, devices: DEVICES, concurrency: transport === 'osmand' ? 64 : 4, batchSize: 1000 });
  await sleep(warmMs);
  const rates: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a0 = counter(sys.shared.load, LOAD_COUNTERS.accepted);
    const end = cpuWindow(sys.server.pid);
    await sleep(windowMs);
    const w = end();
    const accepted = counter(sys.shared.load, LOAD_COUNTERS.accepted) - a0;
    rates.push(accepted / w.wall);
    cpu.push((w.cpu / accepted) * 1e6);
  }
  await sys.load.request({ type: 'stop' });
  const rejected = counter(sys.shared.load, LOAD_COUNTERS.rejected) + counter(sys.shared.load, LOAD_COUNTERS.errors) - rejected0;
  ctx.log(`  ${sys.kind} ${transport}: ${rates.map((r) => Math.round(r)).join(', ')} updates/s`);
  return { rate: median(rates), cpuUs: median(cpu), rejected };
}

/** 1. Ingest + fan-out at saturation, with 10 displays subscribed, over both transports. */
export async function ingestBenchmark(ctx: BenchContext): Promise<Measured[]> {
  const res: Record<Kind, Record<Transport, { rate: number; cpuUs: number; rejected: number }>> = {} as never;
  for (const kind of KINDS) {
    const sys = await startSystem(ctx, kind);
    const displays = await startDisplays(ctx, sys, 10, 0);
    res[kind] = { osmand: await saturate(ctx, sys, 'osmand'), batch: await saturate(ctx, sys, 'batch') };
    await displays.close();
    await sys.load.worker.terminate();
    await sys.server.stop();
  }
  const out: Measured[] = [];
  for (const t of ['osmand', 'batch'] as const) {
    const how = t === 'osmand' ? 'one OsmAnd GET per update, 64 in flight' : 'POST /api/v1/positions/batch, 1,000 per request, 4 in flight';
    const rej = res.project[t].rejected + res.baseline[t].rejected;
    out.push({
      name: `ingest.${t}.updates_per_s`, unit: 'updates/s', value: res.project[t].rate, baseline: res.baseline[t].rate, better: 'higher', target: ['>=', 50_000],
      note: `${DEVICES.toLocaleString('en-US')} devices, ${how}, 10 displays subscribed; load generator shares the 2 cores${rej ? `; ${rej} rejected/failed` : ''}`,
    });
    out.push({ name: `ingest.${t}.cpu_per_update`, unit: 'µs CPU', value: res.project[t].cpuUs, baseline: res.baseline[t].cpuUs, better: 'lower' });
  }
  return out;
}

/** 10k devices at 1 Hz with `clients` displays: server CPU share per window, and what reached them. */
async function steadyState(ctx: BenchContext, sys: System, displays: Displays | null, clients: number) {
  const { runs, windowMs } = shape(ctx);
  const share: number[] = [];
  const bytesPerFix: number[] = [];
  const payloadPerFix: number[] = [];
  const deliveredPerDisplay: number[] = [];
  let peakRss = 0;
  for (let i = 0; i < runs; i++) {
    const f0 = counter(sys.shared.display, DISPLAY_COUNTERS.fixes);
    const b0 = counter(sys.shared.display, DISPLAY_COUNTERS.wireBytes);
    const pf0 = counter(sys.shared.display, DISPLAY_COUNTERS.probeFixes);
    const pb0 = counter(sys.shared.display, DISPLAY_COUNTERS.probePayloadBytes);
    const end = cpuWindow(sys.server.pid);
    await sleep(windowMs);
    const w = end();
    peakRss = Math.max(peakRss, rssMb(sys.server.pid));
    share.push((w.cpu / w.wall) * 100);
    if (!displays) continue;
    const fixes = counter(sys.shared.display, DISPLAY_COUNTERS.fixes) - f0;
    bytesPerFix.push((counter(sys.shared.display, DISPLAY_COUNTERS.wireBytes) - b0) / fixes);
    payloadPerFix.push((counter(sys.shared.display, DISPLAY_COUNTERS.probePayloadBytes) - pb0) / (counter(sys.shared.display, DISPLAY_COUNTERS.probeFixes) - pf0));
    deliveredPerDisplay.push(fixes / clients / w.wall);
  }
  return { share, bytesPerFix, payloadPerFix, deliveredPerDisplay, peakRss };
}

/** 2. Bytes per position update a display receives in steady state (10k devices at 1 Hz, 4 displays). */
export async function wireBenchmark(ctx: BenchContext): Promise<Measured[]> {
  const r = {} as Record<Kind, { wire: number; payload: number }>;
  for (const kind of KINDS) {
    const sys = await startSystem(ctx, kind);
    const displays = await startDisplays(ctx, sys, 4, 4);
    sys.load.send({ type: 'steady', devices: DEVICES, hz: 1, groupMs: 100 });
    await sleep(shape(ctx).warmMs + 1000);
    const s = await steadyState(ctx, sys, displays, 4);
    await sys.load.request({ type: 'stop' });
    await displays.close();
    await sys.load.worker.terminate();
    await sys.server.stop();
    r[kind] = { wire: median(s.bytesPerFix), payload: median(s.payloadPerFix) };
    ctx.log(`  ${kind}: ${r[kind].payload.toFixed(2)} B payload, ${r[kind].wire.toFixed(2)} B on the wire per update`);
  }
  return [
    {
      name: 'wire.payload_bytes_per_update', unit: 'B', value: r.project.payload, baseline: r.baseline.payload, better: 'lower', target: ['<=', 12],
      note: 'patrols:frame payload bytes / fixes in them (decodeFrame), vs the JSON of one tutorial position event; 10k devices at 1 Hz',
    },
    {
      name: 'wire.websocket_bytes_per_update', unit: 'B', value: r.project.wire, baseline: r.baseline.wire, better: 'lower', target: ['<=', 12],
      note: 'every Socket.IO message a display receives (attachment placeholders included) plus WebSocket frame headers, / fixes',
    },
  ];
}

/** 1 (continued). 200 displays, 10k patrols at 1 Hz: fan-out CPU and ingest→display latency. */
export async function fanoutBenchmark(ctx: BenchContext): Promise<Measured[]> {
  const DISPLAYS = 200;
  const PROBES = 4;
  type Outcome = { fanout: number; total: number; p50: number; p99: number; tick50: number; tick99: number; delivered: number; rss: number; samples: number; wireBytes: number };
  // The real server with a 1 s tick, with 100 ms and 50 ms ticks (what the latency target needs),
  // and the tutorial server.
  const variants = [
    { key: 'project', kind: 'project', env: { TICK_MS: '1000' } },
    { key: 'tick100', kind: 'project', env: { TICK_MS: '100' } },
    { key: 'tick50', kind: 'project', env: { TICK_MS: '50' } },
    { key: 'baseline', kind: 'baseline', env: {} },
  ] as const;
  const r = {} as Record<(typeof variants)[number]['key'], Outcome>;
  for (const v of variants) {
    const sys = await startSystem(ctx, v.kind, v.env);
    sys.load.send({ type: 'steady', devices: DEVICES, hz: 1, groupMs: 100 });
    await sleep(shape(ctx).warmMs);
    // Ingest alone first, so nothing the displays left behind (backlogs, closing sockets) is in it.
    const without = await steadyState(ctx, sys, null, 0);
    // Displays connect while no load runs: the tutorial server, once saturated, cannot finish handshakes.
    await sys.load.request({ type: 'stop' });
    const displays = await startDisplays(ctx, sys, DISPLAYS, PROBES);
    sys.load.send({ type: 'steady', devices: DEVICES, hz: 1, groupMs: 100 });
    await sleep(shape(ctx).warmMs + 1000);
    await drain(displays);
    const withDisplays = await steadyState(ctx, sys, displays, DISPLAYS);
    const lat = await drain(displays);
    await sys.load.request({ type: 'stop' });
    await displays.close();
    await sys.load.worker.terminate();
    await sys.server.stop();
    const o: Outcome = {
      fanout: median(withDisplays.share) - median(without.share),
      total: median(withDisplays.share),
      p50: quantile(lat.latencyMs, 0.5),
      p99: quantile(lat.latencyMs, 0.99),
      tick50: quantile(lat.tickToReceiptMs, 0.5),
      tick99: quantile(lat.tickToReceiptMs, 0.99),
      delivered: median(withDisplays.deliveredPerDisplay),
      rss: withDisplays.peakRss,
      samples: lat.latencyMs.length,
      wireBytes: median(withDisplays.bytesPerFix),
    };
    r[v.key] = o;
    ctx.log(`  ${v.key}: server ${o.total.toFixed(1)} % with ${DISPLAYS} displays, ${median(without.share).toFixed(1)} % without; latency p50 ${o.p50.toFixed(0)} ms p99 ${o.p99.toFixed(0)} ms (${o.samples} samples); ${Math.round(o.delivered)} updates/s per display, ${o.wireBytes.toFixed(1)} B/update on the wire; peak RSS ${Math.round(o.rss)} MB`);
  }
  const setup = `${DEVICES.toLocaleString('en-US')} devices at 1 Hz (batches of 1,000 every 100 ms), ${DISPLAYS} Socket.IO displays on loopback`;
  return [
    {
      name: 'fanout.cpu_share_200_displays', unit: '% of a core', value: r.project.fanout, baseline: r.baseline.fanout, better: 'lower', target: ['<=', 10],
      note: `server CPU with the displays minus without them, same ingest, TICK_MS=1000; ${setup}`,
    },
    { name: 'fanout.server_cpu_200_displays', unit: '% of a core', value: r.project.total, baseline: r.baseline.total, better: 'lower', note: 'whole server process, ingest included' },
    {
      name: 'fanout.delivered_per_display', unit: 'updates/s', value: r.project.delivered, baseline: r.baseline.delivered, better: 'higher',
      note: `position fixes each display received per second (${DEVICES.toLocaleString('en-US')} are sent)`,
    },
    { name: 'fanout.latency_p50', unit: 'ms', value: r.project.p50, baseline: r.baseline.p50, better: 'lower' },
    {
      name: 'fanout.latency_p99', unit: 'ms', value: r.project.p99, baseline: r.baseline.p99, better: 'lower', target: ['<=', 150],
      note: `report sent → fix received by a display, every fix of ${PROBES} probe displays (${r.project.samples.toLocaleString('en-US')} / ${r.baseline.samples.toLocaleString('en-US')} samples)`,
    },
    {
      name: 'fanout.tick_to_display_p99', unit: 'ms', value: r.project.tick99, better: 'lower',
      note: `frame header tick time → received (p50 ${r.project.tick50.toFixed(1)} ms): the delivery part of the latency, without the wait for the tick`,
    },
    {
      name: 'fanout.latency_p99_tick_100ms', unit: 'ms', value: r.tick100.p99, baseline: r.baseline.p99, better: 'lower', target: ['<=', 150],
      note: `the same with TICK_MS=100: p50 ${r.tick100.p50.toFixed(0)} ms; fan-out ${r.tick100.fanout.toFixed(1)} % of a core (server ${r.tick100.total.toFixed(1)} %), ${Math.round(r.tick100.delivered)} updates/s per display, ${r.tick100.wireBytes.toFixed(1)} B/update on the wire`,
    },
    {
      name: 'fanout.latency_p99_tick_50ms', unit: 'ms', value: r.tick50.p99, baseline: r.baseline.p99, better: 'lower', target: ['<=', 150],
      note: `the same with TICK_MS=50: p50 ${r.tick50.p50.toFixed(0)} ms; fan-out ${r.tick50.fanout.toFixed(1)} % of a core (server ${r.tick50.total.toFixed(1)} %), ${Math.round(r.tick50.delivered)} updates/s per display, ${r.tick50.wireBytes.toFixed(1)} B/update on the wire`,
    },
  ];
}
