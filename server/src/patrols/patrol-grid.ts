// Where the patrols are, for "nearest n that pass a filter": a uniform grid of buckets over their
// positions in flat arrays (CSR: offsets into one index array), rebuilt once per tick. A query
// scans rings of buckets outward from the point's bucket and stops once the n-th best found is
// nearer than anything outside the rings can be. Candidates are ranked by planar distance at the
// query's latitude (no trigonometry, no allocation per candidate), keeping a few more than asked;
// those are then ranked by great-circle distance, which settles near-ties the planar one may flip
// (its error is ~0.2 m at 3 km here).
const M_PER_DEG = 6371008.8 * (Math.PI / 180);
/** Patrols per bucket on average: a handful, so a query's first ring or two usually suffice. */
const PER_BUCKET = 8;
/** Candidates kept beyond the n asked for, for the great-circle ranking. */
const SLACK = 4;
/** Planar distance may be this much shorter than great-circle over the radius: keep those at the edge. */
const RADIUS_SLACK = 1.001;

export interface Nearby {
  index: number;
  /** Great-circle metres */
  distanceM: number;
}

export class PatrolGrid {
  private readonly x0: number;
  private readonly y0: number;
  /** Bucket size in degrees of longitude and latitude (about square on the ground). */
  private readonly sx: number;
  private readonly sy: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly offsets: Uint32Array;
  /** Patrol index, longitude and latitude of each entry, bucket by bucket. */
  private readonly ids: Int32Array;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  // The entries of the n best so far (insertion-sorted), reused by every query.
  private bestIds = new Int32Array(16);
  private bestD2 = new Float64Array(16);

  /** `indices` are the patrols with a position; `lon`/`lat` are the live columns, by patrol index. */
  constructor(indices: ArrayLike<number>, lon: Float64Array, lat: Float64Array) {
    const n = indices.length;
    let w = Infinity, s = Infinity, e = -Infinity, nn = -Infinity;
    for (let k = 0; k < n; k++) {
      const i = indices[k]!;
      w = Math.min(w, lon[i]!); e = Math.max(e, lon[i]!); s = Math.min(s, lat[i]!); nn = Math.max(nn, lat[i]!);
    }
    if (!n) { w = s = e = nn = 0; }
    const cos = Math.max(0.01, Math.cos(((s + nn) / 2) * (Math.PI / 180)));
    const spanX = Math.max((e - w) * cos, 1e-6), spanY = Math.max(nn - s, 1e-6);
    // Square buckets (on the ground) holding PER_BUCKET patrols on average if they were spread evenly.
    const side = Math.max(Math.sqrt((spanX * spanY * PER_BUCKET) / Math.max(n, 1)), Math.max(spanX, spanY) / 1024);
    this.sx = side / cos;
    this.sy = side;
    this.x0 = w;
    this.y0 = s;
    this.cols = Math.max(1, Math.ceil(spanX / side) + 1);
    this.rows = Math.max(1, Math.ceil(spanY / side) + 1);
    const bucketOf = new Uint32Array(n);
    const counts = new Uint32Array(this.cols * this.rows + 1);
    for (let k = 0; k < n; k++) {
      const i = indices[k]!;
      const b = this.row(lat[i]!) * this.cols + this.col(lon[i]!);
      bucketOf[k] = b;
      counts[b + 1]!++;
    }
    for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
    this.offsets = counts;
    this.ids = new Int32Array(n);
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    const fill = counts.slice(0, -1);
    for (let k = 0; k < n; k++) {
      const i = indices[k]!;
      const at = fill[bucketOf[k]!]!++;
      this.ids[at] = i;
      this.xs[at] = lon[i]!;
      this.ys[at] = lat[i]!;
    }
  }

  get size(): number {
    return this.ids.length;
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.sx)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.sy)));
  }

  /** Up to `n` patrols passing `accept`, nearest first, within `maxM` metres. */
  nearest(lon: number, lat: number, n: number, maxM: number, accept: (index: number) => boolean): Nearby[] {
    if (n <= 0 || !this.ids.length || !Number.isFinite(lon) || !Number.isFinite(lat)) return [];
    const want = n;
    n += SLACK;
    if (this.bestIds.length < n) { this.bestIds = new Int32Array(n); this.bestD2 = new Float64Array(n); }
    const bestIds = this.bestIds, bestD2 = this.bestD2;
    let found = 0;
    const kx = Math.cos(lat * (Math.PI / 180)) * M_PER_DEG;
    const ky = M_PER_DEG;
    const max2 = (maxM * RADIUS_SLACK) ** 2;
    // Query bucket, unclamped: a point outside the grid starts its rings outside too.
    const qc = Math.floor((lon - this.x0) / this.sx);
    const qr = Math.floor((lat - this.y0) / this.sy);
    // Anything outside ring r is at least this far (a bucket's smaller side on the ground) × r.
    const step = Math.min(this.sx * kx, this.sy * ky);
    const maxRing = Math.max(Math.abs(qc), Math.abs(qc - this.cols + 1), Math.abs(qr), Math.abs(qr - this.rows + 1));
    for (let r = 0; r <= maxRing; r++) {
      const r0 = qr - r, r1 = qr + r, c0 = qc - r, c1 = qc + r;
      for (let row = Math.max(0, r0); row <= Math.min(this.rows - 1, r1); row++) {
        const edgeRow = row === r0 || row === r1;
        // Inner rows of the ring: only its two edge columns.
        for (let col = Math.max(0, c0); col <= Math.min(this.cols - 1, c1); col += edgeRow || col === c1 ? 1 : Math.max(1, c1 - col)) {
          if (!edgeRow && col !== c0 && col !== c1) continue;
          const b = row * this.cols + col;
          for (let k = this.offsets[b]!, end = this.offsets[b + 1]!; k < end; k++) {
            const dx = (this.xs[k]! - lon) * kx, dy = (this.ys[k]! - lat) * ky;
            const d2 = dx * dx + dy * dy;
            if (d2 > max2 || (found === n && d2 >= bestD2[n - 1]!)) continue;
            if (!accept(this.ids[k]!)) continue;
            let at = found < n ? found++ : n - 1;
            while (at > 0 && bestD2[at - 1]! > d2) { bestD2[at] = bestD2[at - 1]!; bestIds[at] = bestIds[at - 1]!; at--; }
            bestD2[at] = d2;
            bestIds[at] = k;
          }
        }
      }
      const outside = r * step;
      if (outside * outside > max2) break;
      if (found === n && bestD2[n - 1]! <= outside * outside) break;
    }
    const out: Nearby[] = [];
    for (let k = 0; k < found; k++) {
      const e = bestIds[k]!;
      const d = haversineM(lon, lat, this.xs[e]!, this.ys[e]!);
      if (d <= maxM) out.push({ index: this.ids[e]!, distanceM: d });
    }
    out.sort((a, b) => a.distanceM - b.distanceM);
    if (out.length > want) out.length = want;
    return out;
  }
}

export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}
