// Live patrol state: the directory (who each patrol is) and the latest fix of each, held in typed
// columns indexed by the patrol's small integer index. Reports update the columns; once per tick the
// realtime layer collects what changed. History goes to the store in batches, not per report.
// With several server nodes each node also learns the patrols and fixes the others received
// (`learn`, `applyPeerFixes`) and hands its own to them (`drainPeerChanges`), so every node holds
// the same state: snapshots and recommendations cover patrols reporting to any node.
import { PatrolGrid, haversineM } from './patrol-grid.ts';

export { haversineM };
import { patrolStatusAt, PATROL_KIND_INFO, type PatrolKind, type PatrolStatus } from '@cw/shared/domain/patrol';
import type { Patrol } from '@cw/shared/schemas/patrols';
import type { PatrolFix } from '@cw/shared/realtime/patrol-frame';
import { UniqueViolation, type PatrolRecord, type PatrolsRepo, type PositionRow, type PositionsRepo } from '../store/types.ts';
import type { PeerFix } from './peer-fixes.ts';

export interface Fix {
  lon: number;
  lat: number;
  time: number;
  speed: number;
  heading: number;
}

export interface NearbyPatrol {
  patrol: PatrolRecord;
  distanceM: number;
  etaS: number;
}

const STATUS_NONE = 255;
const statusCode = (s: PatrolStatus): number => (s === 'online' ? 0 : s === 'stale' ? 1 : 2);

export class LivePatrols {
  private records: PatrolRecord[] = [];
  private readonly byDevice = new Map<string, number>();
  private readonly byId = new Map<string, number>();
  private cap = 0;
  private lon = new Float64Array(0);
  private lat = new Float64Array(0);
  private time = new Float64Array(0);
  private speed = new Float32Array(0);
  private heading = new Float32Array(0);
  private sentStatus = new Uint8Array(0);
  private busy = new Uint8Array(0);
  private dirty = new Uint8Array(0);
  /** Changed on this node since the other nodes were last told. */
  private unshared = new Uint8Array(0);
  private district: (string | null)[] = [];
  private history: PositionRow[] = [];
  private grid: PatrolGrid | null = null;
  private gridStale = true;
  private pendingCreates = new Map<string, Promise<PatrolRecord>>();
  private refreshing: Promise<void> | null = null;
  private readonly registeredListeners: ((p: PatrolRecord) => void)[] = [];
  private readonly fixListeners: ((index: number, fix: Fix) => void)[] = [];

  constructor(
    private readonly patrols: PatrolsRepo,
    private readonly positions: PositionsRepo,
    private readonly districtOf: (lon: number, lat: number) => string | null,
  ) {}

  /** Restores the directory and the last stored fix of every patrol. */
  async load(): Promise<void> {
    for (const p of await this.patrols.list()) this.addRecord(p);
    for (const r of await this.positions.latest()) {
      if (r.patrolIndex < this.records.length) this.apply(r.patrolIndex, r, false);
    }
  }

  get count(): number {
    return this.records.length;
  }

  all(): readonly PatrolRecord[] {
    return this.records;
  }

  byDeviceId(deviceId: string): PatrolRecord | null {
    const i = this.byDevice.get(deviceId);
    return i === undefined ? null : this.records[i]!;
  }

  byPatrolId(id: string): PatrolRecord | null {
    const i = this.byId.get(id);
    return i === undefined ? null : this.records[i]!;
  }

  /** Called for every fix `report` accepts (history included), e.g. to keep patrol coverage. */
  onFix(fn: (index: number, fix: Fix) => void): void {
    this.fixListeners.push(fn);
  }

  /** Called once for every patrol registered after start. */
  onRegistered(fn: (p: PatrolRecord) => void): void {
    this.registeredListeners.push(fn);
  }

  /** Registers a patrol (idempotent per device id, also under concurrent first reports). */
  async register(p: Omit<PatrolRecord, 'index' | 'createdAt'>, now: number): Promise<PatrolRecord> {
    const existing = this.byDeviceId(p.deviceId);
    if (existing) return existing;
    let pending = this.pendingCreates.get(p.deviceId);
    if (!pending) {
      pending = this.patrols.create({ ...p, createdAt: now }).then((rec) => {
        this.addRecord(rec);
        for (const fn of this.registeredListeners) fn(rec);
        return rec;
      }, async (err: unknown) => {
        // Another node registered the device first and we have not heard yet: take its record.
        if (!(err instanceof UniqueViolation)) throw err;
        await this.refreshDirectory();
        const known = this.byDeviceId(p.deviceId);
        if (!known) throw err;
        return known;
      }).finally(() => this.pendingCreates.delete(p.deviceId));
      this.pendingCreates.set(p.deviceId, pending);
    }
    return pending;
  }

  /** A patrol another node registered. Its index comes from the shared store; one past the end of
   *  ours means we missed others before it, so the directory is reread instead. */
  async learn(rec: PatrolRecord): Promise<void> {
    if (this.byId.has(rec.id)) return;
    if (rec.index === this.records.length) this.addRecord(rec);
    else await this.refreshDirectory();
  }

  /** Adds every patrol in the store this node does not know yet (single flight). */
  refreshDirectory(): Promise<void> {
    this.refreshing ??= this.patrols.list().then((list) => {
      for (const p of list) if (!this.byId.has(p.id)) this.addRecord(p);
    }).finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  /** Applies a fix from a known patrol. Older fixes than the live one only go to history. */
  report(index: number, fix: Fix): void {
    this.history.push({ patrolIndex: index, time: fix.time, lon: fix.lon, lat: fix.lat, speed: fix.speed, heading: fix.heading });
    if (fix.time >= this.time[index]!) {
      this.apply(index, fix, true);
      this.unshared[index] = 1;
    }
    for (const fn of this.fixListeners) fn(index, fix);
  }

  /** The fixes and busy flags that changed here since the last call, for the other nodes. */
  drainPeerChanges(): PeerFix[] {
    const out: PeerFix[] = [];
    for (let i = 0; i < this.records.length; i++) {
      if (!this.unshared[i]) continue;
      this.unshared[i] = 0;
      out.push({ index: i, lon: this.lon[i]!, lat: this.lat[i]!, time: this.time[i]!, speed: this.speed[i]!, heading: this.heading[i]!, busy: this.busy[i] === 1 });
    }
    return out;
  }

  /** Fixes another node received. That node has already sent them to every display, so they are
   *  not marked for this node's frames; a newer fix also supersedes an older local one still
   *  waiting to go out. Returns false when some index is not in the directory yet. */
  applyPeerFixes(fixes: readonly PeerFix[], now: number): boolean {
    let allKnown = true;
    for (const f of fixes) {
      const i = f.index;
      if (!this.records[i]) { allKnown = false; continue; }
      this.busy[i] = f.busy ? 1 : 0;
      if (f.time < this.time[i]!) continue;
      this.apply(i, f, false);
      this.dirty[i] = 0;
      this.unshared[i] = 0;
      this.sentStatus[i] = statusCode(this.status(i, now));
    }
    return allKnown;
  }

  private apply(index: number, fix: Fix | PositionRow, markDirty: boolean): void {
    this.lon[index] = fix.lon;
    this.lat[index] = fix.lat;
    this.time[index] = fix.time;
    this.speed[index] = fix.speed;
    this.heading[index] = fix.heading;
    this.district[index] = this.districtOf(fix.lon, fix.lat);
    if (markDirty) this.dirty[index] = 1;
    this.gridStale = true;
  }

  setBusy(patrolId: string, busy: boolean): void {
    const i = this.byId.get(patrolId);
    if (i === undefined || (this.busy[i] === 1) === busy) return;
    this.busy[i] = busy ? 1 : 0;
    this.dirty[i] = 1;
    this.unshared[i] = 1;
  }

  isBusy(patrolId: string): boolean {
    const i = this.byId.get(patrolId);
    return i !== undefined && this.busy[i] === 1;
  }

  status(index: number, now: number): PatrolStatus {
    const t = this.time[index]!;
    return patrolStatusAt(t > 0 ? t : null, now);
  }

  private fixOf(i: number, status: PatrolStatus): PatrolFix {
    return { index: i, lon: this.lon[i]!, lat: this.lat[i]!, status, busy: this.busy[i] === 1, heading: this.heading[i]!, speed: this.speed[i]! };
  }

  /** Patrols that moved or changed status since the last call, grouped by district key. With
   *  several nodes every node reports the same status change of a quiet patrol: the duplicates
   *  carry identical values, and no node has to be the one that noticed. */
  collectChanges(now: number, outside: string): Map<string, PatrolFix[]> {
    const out = new Map<string, PatrolFix[]>();
    for (let i = 0; i < this.records.length; i++) {
      if (this.time[i] === 0) continue;
      const status = this.status(i, now);
      const code = statusCode(status);
      if (!this.dirty[i] && this.sentStatus[i] === code) continue;
      this.dirty[i] = 0;
      this.sentStatus[i] = code;
      const key = this.district[i] ?? outside;
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push(this.fixOf(i, status));
    }
    return out;
  }

  /** Every patrol with a position, optionally only in the given district keys. */
  snapshot(now: number, outside: string, districts?: ReadonlySet<string>): PatrolFix[] {
    const out: PatrolFix[] = [];
    for (let i = 0; i < this.records.length; i++) {
      if (this.time[i] === 0) continue;
      if (districts && !districts.has(this.district[i] ?? outside)) continue;
      out.push(this.fixOf(i, this.status(i, now)));
    }
    return out;
  }

  toPatrol(rec: PatrolRecord, now: number): Patrol {
    const i = rec.index;
    const has = this.time[i]! > 0;
    return {
      id: rec.id, index: i, deviceId: rec.deviceId, name: rec.name, kind: rec.kind, unit: rec.unit,
      district: this.district[i] ?? null, street: rec.homeStreet,
      status: this.status(i, now), busy: this.busy[i] === 1,
      position: has ? { lon: this.lon[i]!, lat: this.lat[i]!, time: this.time[i]!, speed: this.speed[i]!, heading: this.heading[i]! } : null,
    };
  }

  list(now: number): Patrol[] {
    return this.records.map((r) => this.toPatrol(r, now));
  }

  /** Nearest patrols to a point that pass `accept`, with their great-circle distance and an ETA at
   *  their kind's speed. The patrol grid (patrol-grid.ts) is rebuilt once per tick (refreshIndex),
   *  off the query path, and built here only when there is none yet; distances are from the live
   *  columns, so a patrol that moved since the tick is ranked by where it was. */
  nearest(lon: number, lat: number, n: number, accept: (p: PatrolRecord, status: PatrolStatus) => boolean, now: number, maxKm = 50): NearbyPatrol[] {
    this.grid ??= this.buildGrid();
    const found = this.grid.nearest(lon, lat, n, maxKm * 1000, (i) => accept(this.records[i]!, this.status(i, now)));
    return found.map(({ index: i }) => {
      const rec = this.records[i]!;
      // From the live columns: the patrol may have moved since the grid was built.
      const d = haversineM(lon, lat, this.lon[i]!, this.lat[i]!);
      return { patrol: rec, distanceM: d, etaS: d / PATROL_KIND_INFO[rec.kind as PatrolKind].speedMps };
    });
  }

  /** Rebuilds the nearest-patrol grid if positions changed since it was built (once per tick). */
  refreshIndex(): void {
    if (this.gridStale || !this.grid) this.grid = this.buildGrid();
  }

  private buildGrid(): PatrolGrid {
    const ids: number[] = [];
    for (let i = 0; i < this.records.length; i++) if (this.time[i]! > 0) ids.push(i);
    this.gridStale = false;
    return new PatrolGrid(ids, this.lon, this.lat);
  }

  /** Takes the history rows buffered since the last call. */
  drainHistory(): PositionRow[] {
    const rows = this.history;
    this.history = [];
    return rows;
  }

  private addRecord(p: PatrolRecord): void {
    if (p.index >= this.cap) this.grow(Math.max(64, p.index + 1, this.cap * 2));
    this.records[p.index] = p;
    this.byDevice.set(p.deviceId, p.index);
    this.byId.set(p.id, p.index);
    this.sentStatus[p.index] = STATUS_NONE;
  }

  private grow(cap: number): void {
    const g = <T extends Float64Array | Float32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.lon = g(this.lon, (n) => new Float64Array(n));
    this.lat = g(this.lat, (n) => new Float64Array(n));
    this.time = g(this.time, (n) => new Float64Array(n));
    this.speed = g(this.speed, (n) => new Float32Array(n));
    this.heading = g(this.heading, (n) => new Float32Array(n));
    this.sentStatus = g(this.sentStatus, (n) => new Uint8Array(n).fill(STATUS_NONE));
    this.busy = g(this.busy, (n) => new Uint8Array(n));
    this.dirty = g(this.dirty, (n) => new Uint8Array(n));
    this.unshared = g(this.unshared, (n) => new Uint8Array(n));
    this.cap = cap;
  }
}
