// Every case as one row of typed-array columns, sorted by creation time, so any window is a binary
// search away and any aggregation is one tight loop over numbers. Loaded once from the store by a
// streaming scan, then kept current from the case events the service publishes.
import type { CaseEvent } from '@cw/shared/schemas/cases';
import type { ReviewAreas } from './areas.ts';
import type { Codebook } from './codebook.ts';
import type { HeatGrid } from './heat-grid.ts';
import type { CaseFact, ReviewRepo } from './review-repo.ts';
import { CaseDirectory } from './case-directory.ts';

export const OVERDUE = 1;
export const REOPENED = 2;

const NONE = -1;

export interface IndexContext {
  areas: ReviewAreas;
  codes: Codebook;
  heat: HeatGrid;
}

export class CaseIndex {
  size = 0;
  private cap = 0;
  created = new Float64Array(0);
  /** Closing time of closed or rejected cases, 0 while open. */
  closed = new Float64Array(0);
  cell = new Int32Array(0);
  community = new Int32Array(0);
  street = new Int32Array(0);
  district = new Int32Array(0);
  category = new Uint16Array(0);
  item = new Uint16Array(0);
  unit = new Uint16Array(0);
  state = new Uint8Array(0);
  source = new Uint8Array(0);
  flags = new Uint8Array(0);
  patrol = new Int32Array(0);
  version = new Uint32Array(0);
  binX = new Uint16Array(0);
  binY = new Uint16Array(0);
  lon = new Float32Array(0);
  lat = new Float32Array(0);
  private readonly directory = new CaseDirectory();

  constructor(readonly ctx: IndexContext) {}

  /** Streams every case and the rework marks from the store into a new index. */
  static async load(repo: ReviewRepo, ctx: IndexContext): Promise<CaseIndex> {
    const staging = new CaseIndex(ctx);
    const ids: string[] = [];
    await repo.scanCases((f) => {
      ids.push(f.id);
      staging.write(staging.append(), f);
    });
    const index = staging.sortedByCreation(ids);
    for (const id of await repo.reopenedCaseIds()) {
      const row = index.directory.get(id);
      if (row >= 0) index.flags[row]! |= REOPENED;
    }
    return index;
  }

  /** First row created at or after `t` (rows are sorted by creation time). */
  lowerBound(t: number): number {
    let lo = 0;
    let hi = this.size;
    const created = this.created;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (created[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  rowOf(id: string): number {
    return this.directory.get(id);
  }

  idsOf(rows: readonly number[]): string[] {
    return this.directory.idsOf(rows);
  }

  /** Applies a case event: the snapshot replaces the row unless the row is newer already. */
  applyEvent(e: CaseEvent): void {
    const row = this.upsert(e.case);
    if (e.type === 'transitioned' && e.action === 'verify_fail') this.flags[row]! |= REOPENED;
  }

  /** Inserts or updates one case; returns its row. */
  upsert(f: CaseFact): number {
    const existing = this.directory.get(f.id);
    if (existing >= 0) {
      if (this.version[existing]! <= f.version) this.write(existing, f);
      return existing;
    }
    const pos = this.upperBound(f.createdAt);
    if (pos === this.size) {
      const row = this.append();
      this.write(row, f);
      this.directory.set(f.id, row);
      return row;
    }
    // A case older than the newest: open a slot so the rows stay sorted (rare: clock skew, imports).
    this.append();
    for (const col of this.columns()) col.copyWithin(pos + 1, pos, this.size - 1);
    this.directory.shiftFrom(pos);
    this.flags[pos] = 0;
    this.write(pos, f);
    this.directory.set(f.id, pos);
    return pos;
  }

  private upperBound(t: number): number {
    let lo = 0;
    let hi = this.size;
    const created = this.created;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (created[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private write(row: number, f: CaseFact): void {
    const { areas, codes, heat } = this.ctx;
    this.created[row] = f.createdAt;
    this.closed[row] = f.closedAt ?? 0;
    this.cell[row] = f.cell === null ? NONE : areas.cells.intern(f.cell);
    this.community[row] = f.community === null ? NONE : areas.communities.intern(f.community);
    this.street[row] = f.street === null ? NONE : areas.streets.intern(f.street);
    this.district[row] = f.district === null ? NONE : areas.districts.intern(f.district);
    this.category[row] = codes.categories.intern(f.category);
    this.item[row] = codes.items.intern(f.item);
    this.unit[row] = codes.units.intern(f.unit);
    this.state[row] = codes.state(f.state);
    this.source[row] = codes.sources.intern(f.source);
    this.flags[row] = (this.flags[row]! & REOPENED) | (f.overdue ? OVERDUE : 0);
    this.patrol[row] = f.patrolId === null ? NONE : codes.patrols.intern(f.patrolId);
    this.version[row] = f.version;
    this.binX[row] = heat.x(f.lon);
    this.binY[row] = heat.y(f.lat);
    this.lon[row] = f.lon;
    this.lat[row] = f.lat;
  }

  private append(): number {
    if (this.size === this.cap) this.grow(Math.max(1024, this.cap * 2));
    return this.size++;
  }

  private columns() {
    return [this.created, this.closed, this.cell, this.community, this.street, this.district, this.category, this.item,
      this.unit, this.state, this.source, this.flags, this.patrol, this.version, this.binX, this.binY, this.lon, this.lat] as const;
  }

  private grow(cap: number): void {
    const g = <T extends Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.created = g(this.created, (n) => new Float64Array(n));
    this.closed = g(this.closed, (n) => new Float64Array(n));
    this.cell = g(this.cell, (n) => new Int32Array(n));
    this.community = g(this.community, (n) => new Int32Array(n));
    this.street = g(this.street, (n) => new Int32Array(n));
    this.district = g(this.district, (n) => new Int32Array(n));
    this.category = g(this.category, (n) => new Uint16Array(n));
    this.item = g(this.item, (n) => new Uint16Array(n));
    this.unit = g(this.unit, (n) => new Uint16Array(n));
    this.state = g(this.state, (n) => new Uint8Array(n));
    this.source = g(this.source, (n) => new Uint8Array(n));
    this.flags = g(this.flags, (n) => new Uint8Array(n));
    this.patrol = g(this.patrol, (n) => new Int32Array(n));
    this.version = g(this.version, (n) => new Uint32Array(n));
    this.binX = g(this.binX, (n) => new Uint16Array(n));
    this.binY = g(this.binY, (n) => new Uint16Array(n));
    this.lon = g(this.lon, (n) => new Float32Array(n));
    this.lat = g(this.lat, (n) => new Float32Array(n));
    this.cap = cap;
  }

  /** This index's rows reordered by creation time (stable), with the id directory built. */
  private sortedByCreation(ids: readonly string[]): CaseIndex {
    const n = this.size;
    const created = this.created;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = created[i - 1]! <= created[i]!;
    const out = sorted ? this : new CaseIndex(this.ctx);
    if (!sorted) {
      const order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => created[a]! - created[b]! || a - b);
      out.grow(this.cap);
      out.size = n;
      const src = this.columns();
      const dst = out.columns();
      src.forEach((col, k) => {
        const to = dst[k]!;
        for (let i = 0; i < n; i++) to[i] = col[order[i]!]!;
      });
      for (let i = 0; i < n; i++) out.directory.set(ids[order[i]!]!, i);
    } else {
      for (let i = 0; i < n; i++) out.directory.set(ids[i]!, i);
    }
    return out;
  }
}
