// What the benchmark's threads share. The load generator stamps when it sent each report of each
// simulated device (by device and step of its walk); the display clients look each received fix up
// there to get its ingest→display latency. Counters are written by one thread each, read by the runner.
import { WALK } from './positions.ts';

export const DEVICE_PREFIX = 'bench-';

export interface SharedState {
  /** Epoch ms (sub-ms precision) at which device k sent step s of its walk: [k * WALK + s]. */
  sendTime: SharedArrayBuffer;
  /** Load generator counters, see LOAD_COUNTERS. */
  load: SharedArrayBuffer;
  /** Display client counters, see DISPLAY_COUNTERS. */
  display: SharedArrayBuffer;
}

export const LOAD_COUNTERS = {
  accepted: 0,
  rejected: 1,
  requests: 2,
  errors: 3,
  /** Steady-rate groups not sent because the server had not answered the earlier ones. */
  skipped: 4,
} as const;
export const DISPLAY_COUNTERS = {
  /** Position fixes received by all clients (frame fix counts, or one per JSON message). */
  fixes: 0,
  /** Socket.IO message bytes of all clients as they travel in WebSocket frames, headers included. */
  wireBytes: 1,
  /** Fixes received by the probe clients. */
  probeFixes: 2,
  /** Application payload the probes received: binary patrols:frame bytes, or the JSON of each position. */
  probePayloadBytes: 3,
  frames: 4,
} as const;

export function createSharedState(maxDevices: number): SharedState {
  return {
    sendTime: new SharedArrayBuffer(8 * maxDevices * WALK),
    load: new SharedArrayBuffer(8 * 8),
    display: new SharedArrayBuffer(8 * 8),
  };
}

/** Epoch milliseconds with sub-millisecond precision, comparable across this process's threads. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

export type Transport = 'osmand' | 'batch';

export interface Endpoint {
  /** Base URL of the API (batch endpoint, Socket.IO). */
  url: string;
  /** Base URL of the device port (OsmAnd GET). */
  deviceUrl: string;
  /** Bearer token for the batch endpoint and the display sockets; null for the tutorial server. */
  token: string | null;
}

export type LoadCommand =
  | { type: 'register'; devices: number }
  | { type: 'saturate'; transport: Transport; devices: number; concurrency: number; batchSize: number }
  | { type: 'steady'; devices: number; hz: number; groupMs: number }
  | { type: 'stop' };

export type LoadReply = { type: 'registered'; accepted: number } | { type: 'stopped' } | { type: 'failed'; message: string };

export type DisplayCommand = { type: 'drain' } | { type: 'close' };
export type DisplayReply =
  | { type: 'ready'; connected: number }
  | { type: 'drained'; latencyMs: number[]; tickToReceiptMs: number[] }
  | { type: 'closed' }
  | { type: 'failed'; message: string };
