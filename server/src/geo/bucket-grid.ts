// A uniform grid of buckets over many small areas of similar size (unit cells): a lookup is one
// division and a scan of the two or three areas whose box touches the point's bucket — about three
// times faster than walking Flatbush's tree for a point query. Stored as CSR arrays (offsets into
// one id array), so a whole district's ~140k cells cost a few MB, and a binary grid cache holds them as is.
export interface BucketGridParts {
  /** x0, y0, sx, sy, cols, rows */
  frame: Float64Array;
  offsets: Uint32Array;
  ids: Uint32Array;
}

export class BucketGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly sx: number;
  private readonly sy: number;
  private readonly cols: number;
  private readonly rows: number;
  readonly offsets: Uint32Array;
  readonly ids: Uint32Array;

  private constructor(p: BucketGridParts) {
    [this.x0, this.y0, this.sx, this.sy, this.cols, this.rows] = p.frame as unknown as [number, number, number, number, number, number];
    this.offsets = p.offsets;
    this.ids = p.ids;
  }

  /** `boxes` holds [w, s, e, n] per item; the bucket size is the median item size. */
  static build(boxes: Float64Array, n: number): BucketGrid {
    const widths = new Float64Array(n);
    const heights = new Float64Array(n);
    let w = Infinity, s = Infinity, e = -Infinity, nn = -Infinity;
    for (let i = 0; i < n; i++) {
      const b = i * 4;
      widths[i] = boxes[b + 2]! - boxes[b]!;
      heights[i] = boxes[b + 3]! - boxes[b + 1]!;
      w = Math.min(w, boxes[b]!); s = Math.min(s, boxes[b + 1]!); e = Math.max(e, boxes[b + 2]!); nn = Math.max(nn, boxes[b + 3]!);
    }
    const sx = Math.max(median(widths), 1e-9);
    const sy = Math.max(median(heights), 1e-9);
    const cols = Math.max(1, Math.ceil((e - w) / sx));
    const rows = Math.max(1, Math.ceil((nn - s) / sy));
    const frame = Float64Array.of(w, s, sx, sy, cols, rows);
    const counts = new Uint32Array(cols * rows + 1);
    const grid = new BucketGrid({ frame, offsets: counts, ids: new Uint32Array(0) });
    grid.eachBucket(boxes, n, (bucket) => { counts[bucket + 1]!++; });
    for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
    const ids = new Uint32Array(counts[counts.length - 1]!);
    const fill = counts.slice(0, -1);
    grid.eachBucket(boxes, n, (bucket, i) => { ids[fill[bucket]!++] = i; });
    return new BucketGrid({ frame, offsets: counts, ids });
  }

  /** From the arrays `parts()` gave (a binary grid cache). */
  static fromParts(p: BucketGridParts): BucketGrid {
    return new BucketGrid(p);
  }

  parts(): BucketGridParts {
    return { frame: Float64Array.of(this.x0, this.y0, this.sx, this.sy, this.cols, this.rows), offsets: this.offsets, ids: this.ids };
  }

  private eachBucket(boxes: Float64Array, n: number, fn: (bucket: number, item: number) => void): void {
    for (let i = 0; i < n; i++) {
      const b = i * 4;
      const c0 = this.col(boxes[b]!), c1 = this.col(boxes[b + 2]!);
      const r0 = this.row(boxes[b + 1]!), r1 = this.row(boxes[b + 3]!);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) fn(r * this.cols + c, i);
    }
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.sx)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.sy)));
  }

  /** The bucket of a point, or -1 outside the grid. */
  bucketOf(x: number, y: number): number {
    const c = Math.floor((x - this.x0) / this.sx);
    const r = Math.floor((y - this.y0) / this.sy);
    if (c < 0 || r < 0 || c >= this.cols || r >= this.rows) return -1;
    return r * this.cols + c;
  }
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length >> 1] ?? 0;
}
