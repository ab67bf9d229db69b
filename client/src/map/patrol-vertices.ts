// The patrols as GPU vertex data: one vertex per frame index holding where the patrol glides from
// and to (Web Mercator, relative to an origin so float32 keeps millimetres), when the glide started
// and how it is drawn. Packing is a plain loop over the PatrolTrack's columns, so a 10k batch costs
// well under a millisecond and no object is allocated per patrol.
import { PATROL_KINDS } from '@cw/shared/domain/patrol';
import { NO_FIX, type PatrolTrack } from '../realtime/patrol-track.ts';

/** Floats per vertex in `motion`: fromX, fromY, toX, toY, start (ms relative to `timeBase`). */
export const MOTION_FLOATS = 5;
/** Bytes per vertex in `style`: kind code, status (255 = no fix), busy, unused. */
export const STYLE_BYTES = 4;

export const mercatorX = (lon: number): number => (lon + 180) / 360;
/** As MapLibre's MercatorCoordinate.fromLngLat, without allocating. */
export const mercatorY = (lat: number): number => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;

export class PatrolVertices {
  motion = new Float32Array(0);
  style = new Uint8Array(0);
  /** Vertices packed (the track's size at the last pack). */
  count = 0;
  /** Patrols with a fix at the last pack. */
  shown = 0;
  /** Mercator origin the positions are relative to; fixed at the first pack. */
  originX = Number.NaN;
  originY = Number.NaN;
  /** performance.now() the start times are relative to (the time of the last pack). */
  timeBase = 0;
  /** The latest glide start among the patrols shown (performance.now() ms). */
  latestStart = -Infinity;

  /** Packs every patrol of the track. `now` becomes the time base. */
  pack(track: PatrolTrack, now: number): void {
    const n = track.size;
    if (this.style.length < n * STYLE_BYTES) {
      const cap = Math.max(n, 64, (this.style.length / STYLE_BYTES) * 2);
      this.motion = new Float32Array(cap * MOTION_FLOATS);
      this.style = new Uint8Array(cap * STYLE_BYTES);
    }
    const m = this.motion;
    const s = this.style;
    if (Number.isNaN(this.originX)) this.setOrigin(track);
    const ox = this.originX;
    const oy = this.originY;
    this.timeBase = now;
    let shown = 0;
    let latest = -Infinity;
    for (let i = 0; i < n; i++) {
      const status = track.status[i]!;
      const o = i * MOTION_FLOATS;
      const b = i * STYLE_BYTES;
      s[b] = track.kind[i]!;
      s[b + 1] = status;
      s[b + 2] = track.busy[i]!;
      if (status === NO_FIX) continue;
      shown++;
      m[o] = mercatorX(track.fromLon[i]!) - ox;
      m[o + 1] = mercatorY(track.fromLat[i]!) - oy;
      m[o + 2] = mercatorX(track.toLon[i]!) - ox;
      m[o + 3] = mercatorY(track.toLat[i]!) - oy;
      const start = track.startAt[i]!;
      m[o + 4] = start - now;
      if (start > latest) latest = start;
    }
    this.count = n;
    this.shown = shown;
    this.latestStart = latest;
  }

  private setOrigin(track: PatrolTrack): void {
    for (let i = 0; i < track.size; i++) {
      if (track.status[i] === NO_FIX) continue;
      this.originX = mercatorX(track.toLon[i]!);
      this.originY = mercatorY(track.toLat[i]!);
      return;
    }
    // No fix yet: the origin waits for the first pack that has one (nothing is drawn meanwhile).
  }
}

/** MapLibre's mercator matrix × a translation to the origin, in float64 before it becomes float32. */
export function matrixFromOrigin(matrix: ArrayLike<number>, ox: number, oy: number, out = new Float32Array(16)): Float32Array {
  for (let i = 0; i < 12; i++) out[i] = matrix[i]!;
  for (let r = 0; r < 4; r++) out[12 + r] = matrix[r]! * ox + matrix[4 + r]! * oy + matrix[12 + r]!;
  return out;
}

/** The value of a linear ['interpolate', ['linear'], ['zoom'], …] over design px, times the UI scale. */
export function sizeAtZoom(stops: readonly (readonly [zoom: number, px: number])[], zoom: number, scale: number): number {
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  if (zoom <= first[0]) return first[1] * scale;
  if (zoom >= last[0]) return last[1] * scale;
  for (let k = 1; k < stops.length; k++) {
    const [z1, p1] = stops[k]!;
    if (zoom > z1) continue;
    const [z0, p0] = stops[k - 1]!;
    return (p0 + ((p1 - p0) * (zoom - z0)) / (z1 - z0)) * scale;
  }
  return last[1] * scale;
}

/** '#rrggbb' as straight RGB in 0–1. */
export function rgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

/** Kind colours in PATROL_KINDS order, then the colour of an unknown kind. */
export function kindColors(colorOf: (kind: (typeof PATROL_KINDS)[number]) => string, unknown: string): Float32Array {
  return new Float32Array([...PATROL_KINDS.map((k) => rgb(colorOf(k))), rgb(unknown)].flat());
}
