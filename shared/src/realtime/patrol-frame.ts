// PatrolFrame: the binary batch of patrol positions a display receives once per tick per room.
// Absolute coordinates on a 1e-5° lattice (≈1.1 m) relative to a per-frame origin, so a dropped
// frame never corrupts later ones (positions are sent volatile). About 9 bytes per patrol:
//   varint index delta | u24 x | u24 y | u8 status/busy/heading | u8 speed km/h
import type { PatrolStatus } from '../domain/patrol.ts';

export const FRAME_VERSION = 1;
const SCALE = 1e5;
const HEADER_BYTES = 1 + 1 + 8 + 4 + 4;
const STATUS_CODE: Record<PatrolStatus, number> = { online: 0, stale: 1, offline: 2 };
const STATUS_BY_CODE: readonly PatrolStatus[] = ['online', 'stale', 'offline'];

export interface PatrolFix {
  index: number;
  lon: number;
  lat: number;
  status: PatrolStatus;
  busy: boolean;
  /** degrees, 0–360 */
  heading: number;
  /** m/s */
  speed: number;
}

export interface DecodedFrame {
  time: number;
  /** True when the frame holds every patrol of its room (a snapshot), not just the ones that moved. */
  full: boolean;
  count: number;
}

/** Column-oriented output, so a display can apply thousands of fixes without allocating objects. */
export interface FrameColumns {
  index: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  status: Uint8Array;
  busy: Uint8Array;
  heading: Float32Array;
  speed: Float32Array;
}

export function statusFromCode(code: number): PatrolStatus {
  return STATUS_BY_CODE[code] ?? 'offline';
}

function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) { n = Math.floor(n / 128); size++; }
  return size;
}

/** Encodes fixes (any order) into one frame. Fixes must have distinct indices. */
export function encodeFrame(fixes: readonly PatrolFix[], time: number, full = false): Uint8Array {
  const sorted = [...fixes].sort((a, b) => a.index - b.index);
  let minX = Infinity;
  let minY = Infinity;
  for (const f of sorted) {
    minX = Math.min(minX, Math.round(f.lon * SCALE));
    minY = Math.min(minY, Math.round(f.lat * SCALE));
  }
  if (sorted.length === 0) { minX = 0; minY = 0; }
  let size = HEADER_BYTES + varintSize(sorted.length);
  let prev = 0;
  for (const f of sorted) {
    size += varintSize(f.index - prev) + 8;
    prev = f.index;
  }
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  let o = 0;
  buf[o++] = FRAME_VERSION;
  buf[o++] = full ? 1 : 0;
  view.setFloat64(o, time, true); o += 8;
  view.setInt32(o, minX, true); o += 4;
  view.setInt32(o, minY, true); o += 4;
  o = writeVarint(buf, o, sorted.length);
  prev = 0;
  for (const f of sorted) {
    o = writeVarint(buf, o, f.index - prev);
    prev = f.index;
    const x = Math.min(0xffffff, Math.round(f.lon * SCALE) - minX);
    const y = Math.min(0xffffff, Math.round(f.lat * SCALE) - minY);
    buf[o++] = x & 0xff; buf[o++] = (x >> 8) & 0xff; buf[o++] = (x >> 16) & 0xff;
    buf[o++] = y & 0xff; buf[o++] = (y >> 8) & 0xff; buf[o++] = (y >> 16) & 0xff;
    const heading = Math.round((((f.heading % 360) + 360) % 360) / 11.25) & 31;
    buf[o++] = STATUS_CODE[f.status] | (f.busy ? 4 : 0) | (heading << 3);
    buf[o++] = Math.max(0, Math.min(255, Math.round(f.speed * 3.6)));
  }
  return buf;
}

function writeVarint(buf: Uint8Array, o: number, n: number): number {
  while (n >= 0x80) {
    buf[o++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[o++] = n;
  return o;
}

function readVarint(buf: Uint8Array, o: number): [number, number] {
  let n = 0;
  let mul = 1;
  for (;;) {
    if (o >= buf.length) throw new RangeError('truncated frame');
    const b = buf[o++]!;
    n += (b & 0x7f) * mul;
    if (b < 0x80) return [n, o];
    mul *= 128;
  }
}

/** Reads the header only. */
export function readFrameHeader(data: ArrayBuffer | Uint8Array): DecodedFrame {
  const buf = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (buf.length < HEADER_BYTES + 1 || buf[0] !== FRAME_VERSION) throw new RangeError('not a patrol frame');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const [count] = readVarint(buf, HEADER_BYTES);
  return { time: view.getFloat64(2, true), full: buf[1] === 1, count };
}

/** Decodes a frame into columns (reused when large enough) and returns the header. */
export function decodeFrame(data: ArrayBuffer | Uint8Array, out?: FrameColumns): DecodedFrame & { columns: FrameColumns } {
  const buf = data instanceof Uint8Array ? data : new Uint8Array(data);
  const header = readFrameHeader(buf);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const minX = view.getInt32(10, true);
  const minY = view.getInt32(14, true);
  const n = header.count;
  const cols = out && out.index.length >= n ? out : allocColumns(n);
  let [, o] = readVarint(buf, HEADER_BYTES);
  let index = 0;
  for (let i = 0; i < n; i++) {
    // The index delta, read inline: a tuple per fix would be 10k short-lived arrays per frame.
    let delta = 0;
    let mul = 1;
    for (;;) {
      if (o >= buf.length) throw new RangeError('truncated frame');
      const b = buf[o++]!;
      delta += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
    }
    if (o + 8 > buf.length) throw new RangeError('truncated frame');
    index += delta;
    const x = buf[o]! | (buf[o + 1]! << 8) | (buf[o + 2]! << 16);
    const y = buf[o + 3]! | (buf[o + 4]! << 8) | (buf[o + 5]! << 16);
    const flags = buf[o + 6]!;
    cols.index[i] = index;
    cols.lon[i] = (minX + x) / SCALE;
    cols.lat[i] = (minY + y) / SCALE;
    cols.status[i] = flags & 3;
    cols.busy[i] = (flags >> 2) & 1;
    cols.heading[i] = (flags >> 3) * 11.25;
    cols.speed[i] = buf[o + 7]! / 3.6;
    o += 8;
  }
  return { ...header, columns: cols };
}

export function allocColumns(n: number): FrameColumns {
  return {
    index: new Uint32Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    status: new Uint8Array(n),
    busy: new Uint8Array(n),
    heading: new Float32Array(n),
    speed: new Float32Array(n),
  };
}
