// A patrol's recorded track, answerable at any instant: where it was, facing where, and whether it
// was reporting then. Positions between two fixes are interpolated; across a silence longer than
// GAP_MS the patrol is held at its last fix and marked silent rather than drawn sliding across the
// map. Lookups walk forward from the previous one, so playing a track costs O(1) per frame.
import { STALE_AFTER_S } from '@cw/shared/domain/patrol';

export const GAP_MS = 5 * 60_000;
/** Flat [time, lon, lat, speed, heading, …] as /replay sends it. */
const STRIDE = 5;

export interface TrackSample {
  lon: number;
  lat: number;
  heading: number;
  /** False once the last fix is older than the wall's 'stale' threshold (a silence, or the end). */
  reporting: boolean;
}

export class ReplayTrack {
  readonly t: Float64Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly heading: Float32Array;
  private cursor = 0;

  constructor(points: readonly number[]) {
    const n = Math.floor(points.length / STRIDE);
    this.t = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.heading = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      this.t[i] = points[i * STRIDE]!;
      this.lon[i] = points[i * STRIDE + 1]!;
      this.lat[i] = points[i * STRIDE + 2]!;
      this.heading[i] = points[i * STRIDE + 4]!;
    }
  }

  get length(): number {
    return this.t.length;
  }

  get start(): number | null {
    return this.length ? this.t[0]! : null;
  }

  get end(): number | null {
    return this.length ? this.t[this.length - 1]! : null;
  }

  /** Index of the last fix at or before `time` (−1 if none), starting from the previous answer. */
  indexAt(time: number): number {
    const t = this.t;
    if (t.length === 0 || time < t[0]!) return -1;
    let i = Math.min(this.cursor, t.length - 1);
    if (t[i]! > time) {
      // Went back (seek): binary search.
      let lo = 0;
      let hi = i;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (t[mid]! <= time) lo = mid;
        else hi = mid - 1;
      }
      i = lo;
    } else {
      while (i + 1 < t.length && t[i + 1]! <= time) i++;
    }
    this.cursor = i;
    return i;
  }

  /** Where the patrol was at `time`; null before its first fix. */
  at(time: number): TrackSample | null {
    const i = this.indexAt(time);
    if (i < 0) return null;
    const last = this.t.length - 1;
    if (i === last || this.t[i + 1]! - this.t[i]! > GAP_MS) {
      const reporting = time - this.t[i]! <= STALE_AFTER_S * 1000;
      return { lon: this.lon[i]!, lat: this.lat[i]!, heading: this.heading[i]!, reporting };
    }
    const f = (time - this.t[i]!) / (this.t[i + 1]! - this.t[i]!);
    return {
      lon: this.lon[i]! + (this.lon[i + 1]! - this.lon[i]!) * f,
      lat: this.lat[i]! + (this.lat[i + 1]! - this.lat[i]!) * f,
      heading: this.heading[i + 1]!,
      reporting: true,
    };
  }

  /** The path from `from` to `to` as [lon, lat] pairs (for a trail behind the moving dot). */
  path(from: number, to: number): [number, number][] {
    const out: [number, number][] = [];
    if (this.length === 0 || to < this.t[0]! || to < from) return out;
    const entry = this.at(Math.max(from, this.t[0]!));
    if (entry) out.push([entry.lon, entry.lat]);
    for (let i = this.firstAfter(from); i < this.length && this.t[i]! < to; i++) out.push([this.lon[i]!, this.lat[i]!]);
    const head = this.at(to);
    if (head) out.push([head.lon, head.lat]);
    return out;
  }

  /** Index of the first fix after `time` (binary search). */
  private firstAfter(time: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.t[mid]! <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Distance walked between two instants, metres (equirectangular, fine at city scale). */
  distanceM(from: number, to: number): number {
    const p = this.path(from, to);
    let d = 0;
    for (let k = 1; k < p.length; k++) d += metres(p[k - 1]!, p[k]!);
    return d;
  }
}

export function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return R * Math.hypot(x, y);
}

/** Speeds the replay offers: 1× real time up to 60× (an hour in a minute). */
export const REPLAY_SPEEDS = [1, 5, 10, 30, 60] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** The clock rate (track ms per wall second) for a speed. */
export function replayRate(speed: number): number {
  return speed * 1000;
}
