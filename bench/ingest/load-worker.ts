// Load generator (a worker thread): devices reporting over OsmAnd GETs on the device port, or
// gateways posting batches to POST /api/v1/positions/batch, through keep-alive undici pools.
import { setMaxListeners } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';
import { WALK, deviceId, positionOf } from './positions.ts';
import { DEVICE_PREFIX, LOAD_COUNTERS, epochMs, type Endpoint, type LoadCommand, type LoadReply, type SharedState } from './protocol.ts';

const { endpoint, shared } = workerData as { endpoint: Endpoint; shared: SharedState };
const port = parentPort!;
const counters = new Float64Array(shared.load);
const sendTime = new Float64Array(shared.sendTime);
const steps = new Int32Array(sendTime.length / WALK);

const api = new Pool(endpoint.url, { connections: 8, pipelining: 1, keepAliveTimeout: 60_000 });
const devicePort = new Pool(endpoint.deviceUrl, { connections: 32, pipelining: 1, keepAliveTimeout: 60_000 });
const batchHeaders: Record<string, string> = { 'content-type': 'application/json' };
if (endpoint.token) batchHeaders.authorization = `Bearer ${endpoint.token}`;

let stopping = false;
let running: Promise<void> | null = null;
/** Aborts what is in flight when a run stops (a saturated server may never answer). */
let abort = newAbort();

function newAbort(): AbortController {
  const c = new AbortController();
  // Every request in flight listens on it (64 at once at saturation).
  setMaxListeners(0, c.signal);
  return c;
}

const reply = (r: LoadReply) => port.postMessage(r);

function nextReport(k: number): { deviceId: string; lon: number; lat: number } {
  const step = steps[k]!++;
  return { deviceId: deviceId(DEVICE_PREFIX, k), ...positionOf(k, step) };
}

function batchBody(from: number, to: number): string {
  const positions = [];
  for (let k = from; k < to; k++) positions.push(nextReport(k));
  return JSON.stringify({ positions });
}

/** Records that devices [from, to) sent the step just built, now. */
function stamp(from: number, to: number): void {
  const t = epochMs();
  for (let k = from; k < to; k++) sendTime[k * WALK + ((steps[k]! - 1) % WALK)] = t;
}

async function postBatch(body: string): Promise<void> {
  counters[LOAD_COUNTERS.requests]!++;
  const res = await api.request({ path: '/api/v1/positions/batch', method: 'POST', headers: batchHeaders, body, signal: abort.signal });
  const text = await res.body.text();
  if (res.statusCode !== 200) {
    counters[LOAD_COUNTERS.errors]!++;
    throw new Error(`batch answered ${res.statusCode}: ${text.slice(0, 300)}`);
  }
  const r = JSON.parse(text) as { accepted: number; rejected?: unknown[] };
  counters[LOAD_COUNTERS.accepted]! += r.accepted;
  counters[LOAD_COUNTERS.rejected]! += r.rejected?.length ?? 0;
}

async function getOsmand(k: number): Promise<void> {
  const p = nextReport(k);
  counters[LOAD_COUNTERS.requests]!++;
  const res = await devicePort.request({ path: `/?id=${p.deviceId}&lat=${p.lat}&lon=${p.lon}`, method: 'GET', signal: abort.signal });
  await res.body.dump();
  if (res.statusCode === 200) counters[LOAD_COUNTERS.accepted]!++;
  else counters[LOAD_COUNTERS.rejected]!++;
}

async function register(devices: number): Promise<void> {
  for (let from = 0; from < devices; from += 10_000) await postBatch(batchBody(from, Math.min(devices, from + 10_000)));
}

/** As many reports as the server takes: `concurrency` requests always in flight. */
async function saturate(c: Extract<LoadCommand, { type: 'saturate' }>): Promise<void> {
  let next = 0;
  // Batches are built ahead (each device's walk a few steps on), so building JSON does not limit the rate.
  const bodies: string[] = [];
  if (c.transport === 'batch') {
    for (let v = 0; v < 4; v++) for (let from = 0; from < c.devices; from += c.batchSize) bodies.push(batchBody(from, Math.min(c.devices, from + c.batchSize)));
  }
  const loop = async () => {
    while (!stopping) {
      if (c.transport === 'osmand') await getOsmand(next++ % c.devices);
      else await postBatch(bodies[next++ % bodies.length]!);
    }
  };
  await Promise.all(Array.from({ length: c.concurrency }, loop));
}

/**
 * Every device reports at `hz`, spread over groups sent every `groupMs`; each report is stamped. A
 * group is skipped (and counted) while two seconds' worth of requests are unanswered.
 */
async function steady(c: Extract<LoadCommand, { type: 'steady' }>): Promise<void> {
  const groups = Math.max(1, Math.round(1000 / c.hz / c.groupMs));
  const size = Math.ceil(c.devices / groups);
  const maxInFlight = Math.ceil(2000 / c.groupMs);
  const inFlight = new Set<Promise<void>>();
  let g = 0;
  let due = performance.now();
  while (!stopping) {
    if (inFlight.size >= maxInFlight) {
      counters[LOAD_COUNTERS.skipped]!++;
      g++;
      due += c.groupMs;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      continue;
    }
    const from = (g % groups) * size;
    const to = Math.min(c.devices, from + size);
    const body = batchBody(from, to);
    stamp(from, to);
    const p = postBatch(body).catch(() => { /* counted as an error */ }).finally(() => inFlight.delete(p));
    inFlight.add(p);
    g++;
    due += c.groupMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(inFlight);
}

port.on('message', (cmd: LoadCommand) => {
  if (cmd.type === 'stop') {
    stopping = true;
    abort.abort();
    void (running ?? Promise.resolve()).then(() => {
      stopping = false;
      running = null;
      abort = newAbort();
      reply({ type: 'stopped' });
    });
    return;
  }
  if (cmd.type === 'register') {
    const before = counters[LOAD_COUNTERS.accepted]!;
    register(cmd.devices).then(
      () => reply({ type: 'registered', accepted: counters[LOAD_COUNTERS.accepted]! - before }),
      (err: Error) => reply({ type: 'failed', message: err.message }),
    );
    return;
  }
  const work = cmd.type === 'saturate' ? saturate(cmd) : steady(cmd);
  running = work.catch((err: Error) => {
    if (stopping) return;
    stopping = true;
    console.error(`[bench] load generator: ${err.message}`);
  });
});
