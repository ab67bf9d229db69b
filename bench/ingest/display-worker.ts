// Display clients (a worker thread): Socket.IO clients that subscribe the way a wall does and count
// what reaches them. The first few are probes that also time every fix against the load
// generator's stamp (ingest→display latency).
import { parentPort, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { allocColumns, decodeFrame, readFrameHeader } from '@cw/shared/realtime/patrol-frame';
import type { PatrolSnapshot } from '@cw/shared/realtime/events';
import type { Patrol } from '@cw/shared/schemas/patrols';
import { WALK, walkStep } from './positions.ts';
import { DEVICE_PREFIX, DISPLAY_COUNTERS, epochMs, type DisplayCommand, type DisplayReply, type SharedState } from './protocol.ts';

export interface DisplayWorkerData {
  kind: 'project' | 'baseline';
  url: string;
  token: string | null;
  clients: number;
  probes: number;
  shared: SharedState;
}

const d = workerData as DisplayWorkerData;
const port = parentPort!;
const counters = new Float64Array(d.shared.display);
const sendTime = new Float64Array(d.shared.sendTime);
const devices = sendTime.length / WALK;
/** Frame index → device number k, or -1 for a patrol that is not a benchmark device. */
let kOfIndex = new Int32Array(0);
let latencyMs: number[] = [];
let tickToReceiptMs: number[] = [];
const sockets: Socket[] = [];
let columns = allocColumns(0);

const reply = (r: DisplayReply) => port.postMessage(r);

function learn(patrols: readonly Patrol[]): void {
  for (const p of patrols) {
    if (p.index >= kOfIndex.length) {
      const next = new Int32Array(Math.max(p.index + 1, kOfIndex.length * 2)).fill(-1);
      next.set(kOfIndex);
      kOfIndex = next;
    }
    kOfIndex[p.index] = p.deviceId.startsWith(DEVICE_PREFIX) ? Number(p.deviceId.slice(DEVICE_PREFIX.length)) : -1;
  }
}

function timeFix(k: number, lat: number, now: number): void {
  if (k < 0 || k >= devices) return;
  const step = walkStep(k, lat);
  const sent = step < 0 ? 0 : sendTime[k * WALK + step]!;
  if (sent > 0) latencyMs.push(now - sent);
}

/** WebSocket frame header bytes for a server→client (unmasked) payload of n bytes. */
function wsHeader(n: number): number {
  return n < 126 ? 2 : n < 65536 ? 4 : 10;
}

function countWire(socket: Socket): void {
  socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
    if (packet.type !== 'message') return;
    const data = packet.data;
    // A text packet travels as "4" + text; a binary attachment as its bytes alone.
    const n = typeof data === 'string' ? 1 + Buffer.byteLength(data) : (data as ArrayBuffer | Uint8Array).byteLength;
    counters[DISPLAY_COUNTERS.wireBytes]! += n + wsHeader(n);
  });
}

function onFrame(frame: ArrayBuffer | Uint8Array, probe: boolean): void {
  const now = epochMs();
  counters[DISPLAY_COUNTERS.frames]!++;
  if (!probe) {
    counters[DISPLAY_COUNTERS.fixes]! += readFrameHeader(frame).count;
    return;
  }
  const f = decodeFrame(frame, columns);
  columns = f.columns;
  counters[DISPLAY_COUNTERS.fixes]! += f.count;
  counters[DISPLAY_COUNTERS.probeFixes]! += f.count;
  counters[DISPLAY_COUNTERS.probePayloadBytes]! += frame.byteLength;
  tickToReceiptMs.push(now - f.time);
  for (let i = 0; i < f.count; i++) {
    const idx = f.columns.index[i]!;
    timeFix(idx < kOfIndex.length ? kOfIndex[idx]! : -1, f.columns.lat[i]!, now);
  }
}

function connect(i: number): Promise<void> {
  const probe = i < d.probes;
  const socket = io(d.url, { path: '/socket.io', transports: ['websocket'], auth: d.token ? { token: d.token } : {}, reconnection: false, forceNew: true });
  sockets.push(socket);
  countWire(socket);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`display ${i} did not connect and subscribe in 30 s`)), 30_000);
    const done = () => { clearTimeout(timer); resolve(); };
    socket.once('connect_error', (err) => { clearTimeout(timer); reject(err); });
    if (d.kind === 'baseline') {
      socket.on('position', (p: { id: string; lat: number }) => {
        counters[DISPLAY_COUNTERS.fixes]!++;
        if (!probe) return;
        const now = epochMs();
        counters[DISPLAY_COUNTERS.probeFixes]!++;
        counters[DISPLAY_COUNTERS.probePayloadBytes]! += Buffer.byteLength(JSON.stringify(p));
        if (p.id.startsWith(DEVICE_PREFIX)) timeFix(Number(p.id.slice(DEVICE_PREFIX.length)), p.lat, now);
      });
      socket.once('connect', done);
      return;
    }
    socket.on('patrols:frame', (frame: ArrayBuffer | Uint8Array) => onFrame(frame, probe));
    if (probe) socket.on('patrols:registered', (patrols: Patrol[]) => learn(patrols));
    socket.once('connect', () => {
      socket.emit('patrols:subscribe', {}, (res: { data: PatrolSnapshot } | { error: { message: string } }) => {
        if ('error' in res) { clearTimeout(timer); reject(new Error(`subscribe: ${res.error.message}`)); return; }
        if (probe) learn(res.data.patrols);
        done();
      });
    });
  });
}

async function connectAll(): Promise<void> {
  for (let i = 0; i < d.clients; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, d.clients - i) }, (_, j) => connect(i + j)));
  }
}

port.on('message', (cmd: DisplayCommand) => {
  if (cmd.type === 'drain') {
    reply({ type: 'drained', latencyMs, tickToReceiptMs });
    latencyMs = [];
    tickToReceiptMs = [];
  } else {
    for (const s of sockets) s.disconnect();
    reply({ type: 'closed' });
  }
});

connectAll().then(
  () => reply({ type: 'ready', connected: sockets.length }),
  (err: Error) => reply({ type: 'failed', message: err.message }),
);
