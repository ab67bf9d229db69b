import type Database from 'better-sqlite3';
import type { Case, CaseEvent, CaseQuery, CaseStats } from '@cw/shared/schemas/cases';
import { isOpen } from '@cw/shared/domain/case';
import { ConflictError, type CaseChange, type CasesRepo } from '../types.ts';
import { caseCodeDay } from '../../cases/case-code.ts';
import { translateUnique } from './unique-violation.ts';

interface EventRow {
  seq: number; case_id: string; type: string; at: number; actor: string; action: string | null;
  from_state: string | null; to_state: string | null; note: string | null; snapshot: string;
}

const toEvent = (r: EventRow): CaseEvent => ({
  seq: r.seq, caseId: r.case_id, type: r.type as CaseEvent['type'], at: r.at, actor: r.actor,
  action: r.action, from: r.from_state as CaseEvent['from'], to: r.to_state as CaseEvent['to'], note: r.note,
  case: JSON.parse(r.snapshot) as Case,
});

function caseParams(c: Case, clientRef: string | null) {
  return {
    id: c.id, state: c.state, category: c.category, item: c.item, unit: c.unit, priority: c.priority,
    source: c.source, lon: c.lon, lat: c.lat, cell: c.cell, community: c.community, street: c.street,
    district: c.district, description: c.description, address: c.address, reporter: c.reporter,
    patrolId: c.patrolId, createdAt: c.createdAt, updatedAt: c.updatedAt, deadlineAt: c.deadlineAt,
    closedAt: c.closedAt, overdue: c.overdue ? 1 : 0, escalation: c.escalation, isOpen: isOpen(c.state) ? 1 : 0,
    doc: JSON.stringify(c), version: c.version, clientRef,
  };
}

/** Builds the WHERE clause of a case query; every value goes in as a bound parameter. */
function where(q: CaseQuery): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, csv: string | undefined) => {
    if (!csv) return;
    const values = csv.split(',').map((s) => s.trim()).filter(Boolean);
    if (!values.length) return;
    parts.push(`${col} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  inList('state', q.state);
  inList('category', q.category);
  if (q.district) { parts.push('district = ?'); params.push(q.district); }
  if (q.street) { parts.push('street = ?'); params.push(q.street); }
  if (q.priority) { parts.push('priority = ?'); params.push(q.priority); }
  if (q.overdue !== undefined) { parts.push('overdue = ?'); params.push(q.overdue ? 1 : 0); }
  if (q.open !== undefined) { parts.push('is_open = ?'); params.push(q.open ? 1 : 0); }
  if (q.since !== undefined) { parts.push('created_at >= ?'); params.push(q.since); }
  if (q.until !== undefined) { parts.push('created_at < ?'); params.push(q.until); }
  if (q.q) {
    parts.push("(id LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\' OR address LIKE ? ESCAPE '\\')");
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    params.push(like, like, like);
  }
  if (q.bbox) {
    const [w, s, e, n] = q.bbox.split(',').map(Number) as [number, number, number, number];
    parts.push('lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?');
    params.push(w, e, s, n);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function sqliteCases(db: Database.Database): CasesRepo {
  const insertCase = db.prepare(`INSERT INTO cases (id, state, category, item, unit, priority, source, lon, lat, cell,
      community, street, district, description, address, reporter, patrol_id, created_at, updated_at, deadline_at,
      closed_at, overdue, escalation, is_open, doc, version, client_ref)
    VALUES (@id, @state, @category, @item, @unit, @priority, @source, @lon, @lat, @cell, @community, @street,
      @district, @description, @address, @reporter, @patrolId, @createdAt, @updatedAt, @deadlineAt, @closedAt,
      @overdue, @escalation, @isOpen, @doc, @version, @clientRef)`);
  // Every column is a projection of the doc, so all of them follow it (filters must see what get() returns).
  const updateCase = db.prepare(`UPDATE cases SET state=@state, category=@category, item=@item, unit=@unit,
      priority=@priority, source=@source, lon=@lon, lat=@lat, cell=@cell, community=@community, street=@street,
      district=@district, description=@description, address=@address, reporter=@reporter, patrol_id=@patrolId,
      created_at=@createdAt, updated_at=@updatedAt, deadline_at=@deadlineAt, closed_at=@closedAt, overdue=@overdue,
      escalation=@escalation, is_open=@isOpen, doc=@doc, version=@version
    WHERE id=@id AND version=@expectedVersion`);
  const insertEvent = db.prepare(`INSERT INTO case_events (case_id, type, at, actor, action, from_state, to_state, note, snapshot, command_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byCommand = db.prepare<[string], EventRow>('SELECT * FROM case_events WHERE command_id = ?');
  const nextCode = db.prepare<[string], { last: number }>(
    `INSERT INTO case_codes (day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last`);
  const getDoc = db.prepare<[string], { doc: string }>('SELECT doc FROM cases WHERE id = ?');
  const byRef = db.prepare<[string], { doc: string }>('SELECT doc FROM cases WHERE client_ref = ?');
  const eventsOf = db.prepare<[string], EventRow>('SELECT * FROM case_events WHERE case_id = ? ORDER BY seq');
  const eventsAfter = db.prepare<[number, number], EventRow>('SELECT * FROM case_events WHERE seq > ? ORDER BY seq LIMIT ?');
  const lastSeq = db.prepare<[], { s: number | null }>('SELECT MAX(seq) AS s FROM case_events');
  const pastDeadline = db.prepare<[number, number], { doc: string }>(
    'SELECT doc FROM cases WHERE is_open = 1 AND deadline_at <= ? AND escalation < 3 ORDER BY deadline_at LIMIT ?');

  const appendEvent = (c: Case, ch: CaseChange): CaseEvent => {
    const info = insertEvent.run(c.id, ch.type, ch.at, ch.actor, ch.action ?? null, ch.from ?? null, ch.to ?? null,
      ch.note ?? null, JSON.stringify(c), ch.commandId ?? null);
    return {
      seq: Number(info.lastInsertRowid), caseId: c.id, type: ch.type, at: ch.at, actor: ch.actor,
      action: ch.action ?? null, from: ch.from ?? null, to: ch.to ?? null, note: ch.note ?? null, case: c,
    };
  };

  const create = db.transaction((draft: Omit<Case, 'code' | 'id'>, ch: CaseChange, clientRef: string | null) => {
    const day = caseCodeDay(draft.createdAt);
    const n = nextCode.get(day)!.last;
    const code = `AJ${day}-${String(n).padStart(5, '0')}`;
    const c: Case = { ...draft, id: code, code };
    insertCase.run(caseParams(c, clientRef));
    return appendEvent(c, ch);
  });
  const update = db.transaction((next: Case, expectedVersion: number, ch: CaseChange) => {
    const res = updateCase.run({ ...caseParams(next, null), expectedVersion });
    if (res.changes !== 1) throw new ConflictError(`case ${next.id} was changed by someone else (version ${expectedVersion} is stale)`);
    return appendEvent(next, ch);
  });

  return {
    async create(draft, ch, clientRef) {
      try { return create(draft, ch, clientRef ?? null); } catch (err) { throw translateUnique(err); }
    },
    async update(next, expectedVersion, ch) {
      try { return update(next, expectedVersion, ch); } catch (err) { throw translateUnique(err); }
    },
    async get(id) { const r = getDoc.get(id); return r ? (JSON.parse(r.doc) as Case) : null; },
    async getByClientRef(ref) { const r = byRef.get(ref); return r ? (JSON.parse(r.doc) as Case) : null; },
    async list(q) {
      const w = where(q);
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM cases ${w.sql}`).get(...w.params) as { n: number }).n;
      const rows = db.prepare(
        `SELECT doc FROM cases ${w.sql} ORDER BY overdue DESC, created_at DESC, id DESC LIMIT ? OFFSET ?`,
      ).all(...w.params, q.limit ?? 500, q.offset ?? 0) as { doc: string }[];
      return { total, cases: rows.map((r) => JSON.parse(r.doc) as Case) };
    },
    async openPastDeadline(now, limit) { return pastDeadline.all(now, limit).map((r) => JSON.parse(r.doc) as Case); },
    async events(id) { return eventsOf.all(id).map(toEvent); },
    async eventByCommand(commandId) { const r = byCommand.get(commandId); return r ? toEvent(r) : null; },
    async eventsAfter(seq, limit) { return eventsAfter.all(seq, limit).map(toEvent); },
    async lastSeq() { return lastSeq.get()!.s ?? 0; },
    async stats(now, dayStart) { return caseStats(db, now, dayStart); },
  };
}

function caseStats(db: Database.Database, now: number, dayStart: number): CaseStats {
  type Row = { key: string | null; open: number; overdue: number; closed_today: number };
  const group = (col: 'district' | 'street') => db.prepare<{ day: number }, Row>(`
    SELECT ${col} AS key, SUM(is_open) AS open, SUM(is_open AND overdue) AS overdue,
      SUM(closed_at >= @day) AS closed_today
    FROM cases WHERE is_open = 1 OR closed_at >= @day GROUP BY ${col}`).all({ day: dayStart });
  const toRecord = (rows: Row[]) => Object.fromEntries(
    rows.filter((r) => r.key !== null).map((r) => [r.key!, { open: r.open, overdue: r.overdue ?? 0, closedToday: r.closed_today ?? 0 }]),
  );
  const byDistrict = group('district');
  const totals = db.prepare<{ day: number; now: number }, { open: number; overdue: number; closed_today: number; reported_today: number }>(`
    SELECT
      (SELECT COUNT(*) FROM cases WHERE is_open = 1) AS open,
      (SELECT COUNT(*) FROM cases WHERE is_open = 1 AND overdue = 1) AS overdue,
      (SELECT COUNT(*) FROM cases WHERE closed_at >= @day) AS closed_today,
      (SELECT COUNT(*) FROM cases WHERE created_at >= @day AND created_at <= @now) AS reported_today`).get({ day: dayStart, now })!;
  const month = db.prepare<[number], { closed: number; open: number }>(`
    SELECT SUM(state = 'closed') AS closed, SUM(is_open) AS open FROM cases WHERE created_at >= ?`).get(now - 30 * 86400_000)!;
  const closed = month.closed ?? 0;
  const open = month.open ?? 0;
  return {
    open: totals.open, overdue: totals.overdue, closedToday: totals.closed_today, reportedToday: totals.reported_today,
    rectificationRate: closed + open > 0 ? closed / (closed + open) : 1,
    byDistrict: toRecord(byDistrict),
    byStreet: toRecord(group('street')),
  };
}
