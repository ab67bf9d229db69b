// Where every patrol is and where it is heading, in typed arrays indexed by the patrol's frame
// index. Frames are merged here, outside Vue, so thousands of fixes per tick cost no reactivity;
// the map layer reads interpolated positions from it once per animation frame.
import { allocColumns, decodeFrame, type FrameColumns } from '@cw/shared/realtime/patrol-frame';
import { PATROL_KINDS, type PatrolKind } from '@cw/shared/domain/patrol';

/** Status code of an index that never had a fix (frames use 0 online, 1 stale, 2 offline). */
export const NO_FIX = 255;
export const STATUS_ONLINE = 0;
export const STATUS_STALE = 1;
export const STATUS_OFFLINE = 2;
/** Kind code of a patrol the directory has not named yet. */
export const KIND_UNKNOWN = 255;

/** A fix farther than this from the shown position is a jump (GPS reset, long gap): no glide. */
const JUMP_DEGREES = 0.02;

export interface StatusCounts {
  online: number;
  stale: number;
  offline: number;
}

export class PatrolTrack {
  /** One more than the highest index seen. */
  size = 0;
  fromLon = new Float64Array(0);
  fromLat = new Float64Array(0);
  toLon = new Float64Array(0);
  toLat = new Float64Array(0);
  /** performance.now() at which the glide from → to started. */
  startAt = new Float64Array(0);
  status = new Uint8Array(0);
  busy = new Uint8Array(0);
  heading = new Float32Array(0);
  kind = new Uint8Array(0);
  /** Bumped whenever status, busy or kind changes, so a renderer can tell what to resend. */
  propsVersion = new Uint32Array(0);
  /** Fixes merged since the page loaded (a test probe and a liveness signal). */
  fixesMerged = 0;
  /** Bumped on every change, so a renderer can skip work when nothing happened. */
  revision = 0;
  private columns: FrameColumns = allocColumns(0);

  constructor(public glideMs: number) {}

  private grow(minSize: number): void {
    if (minSize <= this.fromLon.length) {
      this.size = Math.max(this.size, minSize);
      return;
    }
    const cap = Math.max(minSize, this.fromLon.length * 2, 64);
    const widen = <T extends Float64Array | Float32Array | Uint8Array | Uint32Array>(a: T, make: (n: number) => T, fill?: number): T => {
      const b = make(cap);
      if (fill !== undefined) b.fill(fill);
      b.set(a);
      return b;
    };
    this.fromLon = widen(this.fromLon, (n) => new Float64Array(n));
    this.fromLat = widen(this.fromLat, (n) => new Float64Array(n));
    this.toLon = widen(this.toLon, (n) => new Float64Array(n));
    this.toLat = widen(this.toLat, (n) => new Float64Array(n));
    this.startAt = widen(this.startAt, (n) => new Float64Array(n));
    this.status = widen(this.status, (n) => new Uint8Array(n), NO_FIX);
    this.busy = widen(this.busy, (n) => new Uint8Array(n));
    this.heading = widen(this.heading, (n) => new Float32Array(n));
    this.kind = widen(this.kind, (n) => new Uint8Array(n), KIND_UNKNOWN);
    this.propsVersion = widen(this.propsVersion, (n) => new Uint32Array(n));
    this.size = minSize;
  }

  /** Forgets every position (a fresh snapshot follows); kinds stay, they come from the directory. */
  reset(): void {
    this.status.fill(NO_FIX);
    this.revision++;
  }

  setKind(index: number, kind: PatrolKind): void {
    this.grow(index + 1);
    const code = PATROL_KINDS.indexOf(kind);
    const next = code < 0 ? KIND_UNKNOWN : code;
    if (this.kind[index] !== next) {
      this.kind[index] = next;
      this.propsVersion[index]!++;
      this.revision++;
    }
  }

  /** Decodes one binary PatrolFrame and merges it; returns the number of fixes. */
  mergeFrame(data: ArrayBuffer | Uint8Array, now: number): number {
    const decoded = decodeFrame(data, this.columns);
    this.columns = decoded.columns;
    this.mergeColumns(decoded.columns, decoded.count, now);
    return decoded.count;
  }

  mergeColumns(cols: FrameColumns, count: number, now: number): void {
    let maxIndex = -1;
    for (let i = 0; i < count; i++) maxIndex = Math.max(maxIndex, cols.index[i]!);
    if (maxIndex >= 0) this.grow(maxIndex + 1);
    for (let i = 0; i < count; i++) {
      const idx = cols.index[i]!;
      const lon = cols.lon[i]!;
      const lat = cols.lat[i]!;
      const st = cols.status[i]!;
      const hadFix = this.status[idx] !== NO_FIX;
      if (hadFix) {
        const t = this.progress(idx, now);
        const curLon = this.fromLon[idx]! + (this.toLon[idx]! - this.fromLon[idx]!) * t;
        const curLat = this.fromLat[idx]! + (this.toLat[idx]! - this.fromLat[idx]!) * t;
        const jump = Math.abs(lon - curLon) > JUMP_DEGREES || Math.abs(lat - curLat) > JUMP_DEGREES;
        this.fromLon[idx] = jump ? lon : curLon;
        this.fromLat[idx] = jump ? lat : curLat;
      } else {
        this.fromLon[idx] = lon;
        this.fromLat[idx] = lat;
      }
      this.toLon[idx] = lon;
      this.toLat[idx] = lat;
      this.startAt[idx] = now;
      this.heading[idx] = cols.heading[i]!;
      const busy = cols.busy[i]!;
      if (this.status[idx] !== st || this.busy[idx] !== busy) {
        this.status[idx] = st;
        this.busy[idx] = busy;
        this.propsVersion[idx]!++;
      }
    }
    this.fixesMerged += count;
    this.revision++;
  }

  /** 0 at the start of the glide, 1 once the patrol reached its latest fix. */
  progress(index: number, now: number): number {
    const t = (now - this.startAt[index]!) / this.glideMs;
    return t <= 0 ? 0 : t >= 1 ? 1 : t;
  }

  hasFix(index: number): boolean {
    return index < this.size && this.status[index] !== NO_FIX;
  }

  /** Writes the shown position at `now` into out[0], out[1]. */
  positionAt(index: number, now: number, out: Float64Array): void {
    const t = this.progress(index, now);
    out[0] = this.fromLon[index]! + (this.toLon[index]! - this.fromLon[index]!) * t;
    out[1] = this.fromLat[index]! + (this.toLat[index]! - this.fromLat[index]!) * t;
  }

  countStatuses(): StatusCounts {
    const counts: StatusCounts = { online: 0, stale: 0, offline: 0 };
    for (let i = 0; i < this.size; i++) {
      const s = this.status[i];
      if (s === STATUS_ONLINE) counts.online++;
      else if (s === STATUS_STALE) counts.stale++;
      else if (s === STATUS_OFFLINE) counts.offline++;
    }
    return counts;
  }
}
