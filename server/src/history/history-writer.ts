// Writes history straight into the SQLite store, fast: one transaction for the whole run (an
// interrupted run leaves the store as it was), secondary indexes dropped for the load and rebuilt
// once at the end, multi-row prepared INSERTs, and a rollback journal instead of WAL while
// loading (WAL would write every page twice). Switching the journal needs the only connection, so
// a running server makes the generator stop with a clear message instead of corrupting anything.
import type Database from 'better-sqlite3';
import type { PatrolKind } from '@cw/shared/domain/patrol';
import { openDatabase } from '../store/sqlite/open-database.ts';
import { CASE_COLUMNS, EVENT_COLUMNS, POSITION_COLUMNS, type HistoryBatch, type StoreStart } from './generate-history.ts';

export const HISTORY_SETTING = 'history.generated';
const ROWS_PER_INSERT = 50;
const LOADED_TABLES = ['cases', 'case_events', 'positions'];

/** Where the case document and the event snapshot sit in their rows. */
const CASE_DOC = 24;
const EVENT_SNAPSHOT = 8;

export class StoreBusyError extends Error {}

/** Puts each row's fixed opening in front of the state part in column `col` (see HistoryBatch). */
function joinParts(rows: unknown[], width: number, col: number, fixed: readonly string[], refs: readonly number[]): void {
  for (let k = 0; k < refs.length; k++) rows[k * width + col] = fixed[refs[k]!]! + (rows[k * width + col] as string);
}

/** Buffers rows and inserts them ROWS_PER_INSERT at a time (one statement call per batch). */
class BatchInsert {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly args: unknown[] = [];
  rows = 0;

  constructor(db: Database.Database, private readonly head: string, private readonly width: number) {
    const tuple = `(${new Array(width).fill('?').join(',')})`;
    this.many = db.prepare(`${head} VALUES ${new Array(ROWS_PER_INSERT).fill(tuple).join(',')}`);
    this.one = db.prepare(`${head} VALUES ${tuple}`);
  }

  /** Rows laid end to end, `width` values each. */
  addRows(values: readonly unknown[]): void {
    const full = this.width * ROWS_PER_INSERT;
    for (let i = 0; i < values.length; i++) {
      this.args.push(values[i]);
      if (this.args.length === full) {
        this.many.run(this.args);
        this.args.length = 0;
      }
    }
    this.rows += values.length / this.width;
  }

  flush(): void {
    for (let i = 0; i < this.args.length; i += this.width) this.one.run(this.args.slice(i, i + this.width));
    this.args.length = 0;
  }
}

export class HistoryWriter {
  readonly cases: BatchInsert;
  readonly events: BatchInsert;
  readonly positions: BatchInsert;
  private readonly droppedIndexes: string[] = [];
  /** Stored patrol index of each roster entry. */
  private patrolIndex: number[] = [];

  private constructor(private readonly db: Database.Database) {
    this.cases = new BatchInsert(db, `INSERT INTO cases (id, state, category, item, unit, priority, source, lon, lat, cell,
      community, street, district, description, address, reporter, patrol_id, created_at, updated_at, deadline_at,
      closed_at, overdue, escalation, is_open, doc, version, client_ref)`, CASE_COLUMNS);
    this.events = new BatchInsert(db, 'INSERT INTO case_events (case_id, type, at, actor, action, from_state, to_state, note, snapshot, command_id)', EVENT_COLUMNS);
    this.positions = new BatchInsert(db, 'INSERT INTO positions (patrol_idx, t, lon, lat, speed, heading)', POSITION_COLUMNS);
  }

  /** Opens (creating and migrating if needed) the store and starts the load. */
  static open(file: string): HistoryWriter {
    const db = openDatabase(file);
    let mode: unknown;
    try {
      db.pragma('busy_timeout = 0');
      // SQLite keeps WAL (and says so) instead of failing when another connection has the file open.
      mode = db.pragma('journal_mode = DELETE', { simple: true });
    } catch (err) {
      mode = err;
    }
    if (mode !== 'delete') {
      db.close();
      throw new StoreBusyError(`the store ${file} is in use (is the server running?); stop it before generating history`);
    }
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -524288');
    const w = new HistoryWriter(db);
    db.exec('BEGIN IMMEDIATE');
    const existing = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(HISTORY_SETTING);
    if (existing) {
      w.abort();
      throw new Error(`this store already holds generated history (${existing.value}); use a fresh --data-dir`);
    }
    const indexes = db.prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master
      WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${LOADED_TABLES.map((t) => `'${t}'`).join(',')})`).all();
    for (const ix of indexes) {
      db.exec(`DROP INDEX ${ix.name}`);
      w.droppedIndexes.push(ix.sql);
    }
    return w;
  }

  /** What history has to continue from: code counters and patrols already in the store. */
  start(): StoreStart {
    const codes = this.db.prepare<[], { day: string; last: number }>('SELECT day, last FROM case_codes').all();
    const patrols = this.db.prepare<[], { device_id: string; kind: PatrolKind; home_street: string | null }>('SELECT device_id, kind, home_street FROM patrols').all();
    return {
      lastCodes: Object.fromEntries(codes.map((c) => [c.day, c.last])),
      patrols: Object.fromEntries(patrols.map((p) => [p.device_id, { kind: p.kind, homeStreet: p.home_street }])),
    };
  }

  apply(b: HistoryBatch): void {
    switch (b.kind) {
      case 'roster':
        this.patrolIndex = b.patrols.map((p) => this.patrol(p, b.registeredAt));
        return;
      case 'day':
        joinParts(b.cases, CASE_COLUMNS, CASE_DOC, b.fixed, b.caseFixed);
        joinParts(b.events, EVENT_COLUMNS, EVENT_SNAPSHOT, b.fixed, b.eventFixed);
        this.cases.addRows(b.cases);
        this.events.addRows(b.events);
        this.db.prepare(`INSERT INTO case_codes (day, last) VALUES (?, ?)
          ON CONFLICT(day) DO UPDATE SET last = MAX(last, excluded.last)`).run(...b.code);
        return;
      case 'positions':
        for (let i = 0; i < b.rows.length; i += POSITION_COLUMNS) b.rows[i] = this.patrolIndex[b.rows[i] as number];
        this.positions.addRows(b.rows);
    }
  }

  /** The stored index of the patrol with this device id, registering it with the next free index if new. */
  private patrol(p: { id: string; deviceId: string; name: string; kind: string; unit: string; homeStreet: string | null }, createdAt: number): number {
    const found = this.db.prepare<[string], { idx: number }>('SELECT idx FROM patrols WHERE device_id = ?').get(p.deviceId);
    if (found) return found.idx;
    const index = this.db.prepare<[], { n: number }>('SELECT COALESCE(MAX(idx) + 1, 0) AS n FROM patrols').get()!.n;
    this.db.prepare(`INSERT INTO patrols (id, idx, device_id, name, kind, unit, home_street, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(p.id, index, p.deviceId, p.name, p.kind, p.unit, p.homeStreet, createdAt);
    return index;
  }

  /** Flushes, rebuilds the indexes, records the run and commits; returns ms spent on indexes and commit. */
  finish(record: unknown): { indexMs: number; commitMs: number } {
    for (const b of [this.cases, this.events, this.positions]) b.flush();
    const t0 = performance.now();
    for (const sql of this.droppedIndexes) this.db.exec(sql);
    const t1 = performance.now();
    this.db.prepare('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)')
      .run(HISTORY_SETTING, JSON.stringify(record), Date.now(), 'history-generator');
    this.db.exec('COMMIT');
    this.db.pragma('journal_mode = WAL');
    this.db.close();
    return { indexMs: t1 - t0, commitMs: performance.now() - t1 };
  }

  /** Rolls everything back (the dropped indexes come back with it). */
  abort(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.pragma('journal_mode = WAL');
    this.db.close();
  }
}
