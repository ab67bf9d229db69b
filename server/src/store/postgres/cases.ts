import type pg from 'pg';
import type { Case, CaseEvent } from '@cw/shared/schemas/cases';
import { isOpen } from '@cw/shared/domain/case';
import { ConflictError, type CaseChange, type CasesRepo } from '../types.ts';
import { caseCodeDay } from '../../cases/case-code.ts';
import { inTransaction } from './transaction.ts';
import { caseFilter } from './case-query.ts';
import { caseStats } from './case-stats.ts';

interface EventRow {
  seq: number; case_id: string; type: string; at: number; actor: string; action: string | null;
  from_state: string | null; to_state: string | null; note: string | null; snapshot: Case;
}

const toEvent = (r: EventRow): CaseEvent => ({
  seq: r.seq, caseId: r.case_id, type: r.type as CaseEvent['type'], at: r.at, actor: r.actor,
  action: r.action, from: r.from_state as CaseEvent['from'], to: r.to_state as CaseEvent['to'], note: r.note,
  case: r.snapshot,
});

/** The searchable columns, each a projection of the JSONB doc, in a fixed order. */
const columns = (c: Case): [string, unknown][] => [
  ['state', c.state], ['category', c.category], ['item', c.item], ['unit', c.unit], ['priority', c.priority],
  ['source', c.source], ['lon', c.lon], ['lat', c.lat], ['cell', c.cell], ['community', c.community],
  ['street', c.street], ['district', c.district], ['description', c.description], ['address', c.address],
  ['reporter', c.reporter], ['patrol_id', c.patrolId], ['created_at', c.createdAt], ['updated_at', c.updatedAt],
  ['deadline_at', c.deadlineAt], ['closed_at', c.closedAt], ['overdue', c.overdue], ['escalation', c.escalation],
  ['is_open', isOpen(c.state)], ['doc', JSON.stringify(c)], ['version', c.version],
];

function insertCase(c: Case, clientRef: string | null): { text: string; values: unknown[] } {
  const cols: [string, unknown][] = [['id', c.id], ...columns(c), ['client_ref', clientRef]];
  return {
    text: `INSERT INTO cases (${cols.map(([k]) => k).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
    values: cols.map(([, v]) => v),
  };
}

function updateCase(c: Case, expectedVersion: number): { text: string; values: unknown[] } {
  const cols = columns(c);
  const n = cols.length;
  return {
    text: `UPDATE cases SET ${cols.map(([k], i) => `${k} = $${i + 1}`).join(', ')} WHERE id = $${n + 1} AND version = $${n + 2}`,
    values: [...cols.map(([, v]) => v), c.id, expectedVersion],
  };
}

// Event seq comes from the one-row event_counter, bumped in the writing transaction (inserted as 1
// the first time: ON CONFLICT makes a racing first writer wait and then take 2). Its row lock
// is held until COMMIT, so event writes from every node queue here, one at a time: a rolled-back
// write gives its number back (no gap), and seq N is committed before N + 1 can be taken, so a
// client that read up to seq S and later asks for "after S" can never miss a late-committing lower
// seq. A SEQUENCE gives neither. To keep the queue short the counter is taken last, in the same
// round trip as the insert; the lock order is always case_codes/cases row first, counter last,
// so two writers can't deadlock.
const APPEND_EVENT = `WITH next AS (
    INSERT INTO event_counter (one, seq) VALUES (true, 1)
    ON CONFLICT (one) DO UPDATE SET seq = event_counter.seq + 1 RETURNING seq)
  INSERT INTO case_events (seq, case_id, type, at, actor, action, from_state, to_state, note, snapshot, command_id)
  SELECT next.seq, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM next
  RETURNING seq`;

// Per-day code numbers: the day's row is locked by this upsert until COMMIT, so concurrent creates
// of one day number one after another, and a rollback returns the number.
const NEXT_CODE = `INSERT INTO case_codes (day, last) VALUES ($1, 1)
  ON CONFLICT (day) DO UPDATE SET last = case_codes.last + 1 RETURNING last`;

async function appendEvent(tx: pg.PoolClient, c: Case, ch: CaseChange): Promise<CaseEvent> {
  const { rows } = await tx.query<{ seq: number }>(APPEND_EVENT, [c.id, ch.type, ch.at, ch.actor, ch.action ?? null,
    ch.from ?? null, ch.to ?? null, ch.note ?? null, JSON.stringify(c), ch.commandId ?? null]);
  return {
    seq: rows[0]!.seq, caseId: c.id, type: ch.type, at: ch.at, actor: ch.actor,
    action: ch.action ?? null, from: ch.from ?? null, to: ch.to ?? null, note: ch.note ?? null, case: c,
  };
}

export function postgresCases(pool: pg.Pool): CasesRepo {
  const docs = async (text: string, values: unknown[]) => (await pool.query<{ doc: Case }>(text, values)).rows.map((r) => r.doc);
  const events = async (text: string, values: unknown[]) => (await pool.query<EventRow>(text, values)).rows.map(toEvent);

  return {
    create(draft, ch, clientRef) {
      return inTransaction(pool, async (tx) => {
        const day = caseCodeDay(draft.createdAt);
        const n = (await tx.query<{ last: number }>(NEXT_CODE, [day])).rows[0]!.last;
        const code = `AJ${day}-${String(n).padStart(5, '0')}`;
        const c: Case = { ...draft, id: code, code };
        const insert = insertCase(c, clientRef ?? null);
        await tx.query(insert.text, insert.values);
        return appendEvent(tx, c, ch);
      });
    },
    update(next, expectedVersion, ch) {
      return inTransaction(pool, async (tx) => {
        // A concurrent writer of the same case holds its row; we wait, then see its new version and match nothing.
        const update = updateCase(next, expectedVersion);
        const res = await tx.query(update.text, update.values);
        if (res.rowCount !== 1) throw new ConflictError(`case ${next.id} was changed by someone else (version ${expectedVersion} is stale)`);
        return appendEvent(tx, next, ch);
      });
    },
    async get(id) { return (await docs('SELECT doc FROM cases WHERE id = $1', [id]))[0] ?? null; },
    async getByClientRef(ref) { return (await docs('SELECT doc FROM cases WHERE client_ref = $1', [ref]))[0] ?? null; },
    async list(q) {
      const params: unknown[] = [];
      const where = caseFilter(q, params);
      const limit = `$${params.push(q.limit ?? 500)}`;
      const offset = `$${params.push(q.offset ?? 0)}`;
      // One statement, so the total and the page come from the same snapshot; the count row is
      // returned even when the page is empty.
      const { rows } = await pool.query<{ total: number; doc: Case | null }>(`
        SELECT n.total, p.doc FROM (SELECT COUNT(*) AS total FROM cases ${where}) n
        LEFT JOIN LATERAL (
          SELECT doc, overdue, created_at, id FROM cases ${where}
          ORDER BY overdue DESC, created_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}
        ) p ON true
        ORDER BY p.overdue DESC, p.created_at DESC, p.id DESC`, params);
      return { total: rows[0]?.total ?? 0, cases: rows.flatMap((r) => (r.doc ? [r.doc] : [])) };
    },
    openPastDeadline(now, limit) {
      return docs('SELECT doc FROM cases WHERE is_open AND deadline_at <= $1 AND escalation < 3 ORDER BY deadline_at LIMIT $2', [now, limit]);
    },
    events(id) { return events('SELECT * FROM case_events WHERE case_id = $1 ORDER BY seq', [id]); },
    async eventByCommand(commandId) { return (await events('SELECT * FROM case_events WHERE command_id = $1', [commandId]))[0] ?? null; },
    eventsAfter(seq, limit) { return events('SELECT * FROM case_events WHERE seq > $1 ORDER BY seq LIMIT $2', [seq, limit]); },
    async lastSeq() {
      const { rows } = await pool.query<{ s: number | null }>('SELECT MAX(seq) AS s FROM case_events');
      return rows[0]?.s ?? 0;
    },
    stats(now, dayStart) { return caseStats(pool, now, dayStart); },
  };
}
