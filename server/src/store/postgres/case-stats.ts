import type pg from 'pg';
import type { CaseStats } from '@cw/shared/schemas/cases';
import { inSnapshot } from './transaction.ts';

type CountRow = { key: string; open: number; overdue: number; closed_today: number };
interface TotalsRow {
  open: number; overdue: number; closed_today: number; reported_today: number; month_closed: number; month_open: number;
}

const MONTH_MS = 30 * 86400_000;

const byPlace = (col: 'district' | 'street') => `
  SELECT ${col} AS key, COUNT(*) FILTER (WHERE is_open) AS open, COUNT(*) FILTER (WHERE is_open AND overdue) AS overdue,
    COUNT(*) FILTER (WHERE closed_at >= $1) AS closed_today
  FROM cases WHERE (is_open OR closed_at >= $1) AND ${col} IS NOT NULL GROUP BY ${col}`;

// Each subquery can use its own index (open/deadline, closed_at, created_at) rather than one scan.
const TOTALS = `SELECT
  (SELECT COUNT(*) FROM cases WHERE is_open) AS open,
  (SELECT COUNT(*) FROM cases WHERE is_open AND overdue) AS overdue,
  (SELECT COUNT(*) FROM cases WHERE closed_at >= $1) AS closed_today,
  (SELECT COUNT(*) FROM cases WHERE created_at >= $1 AND created_at <= $2) AS reported_today,
  (SELECT COUNT(*) FROM cases WHERE created_at >= $3 AND state = 'closed') AS month_closed,
  (SELECT COUNT(*) FROM cases WHERE created_at >= $3 AND is_open) AS month_open`;

const toRecord = (rows: CountRow[]) => Object.fromEntries(
  rows.map((r) => [r.key, { open: r.open, overdue: r.overdue, closedToday: r.closed_today }]),
);

/** The wall's counters, read from one snapshot so the totals and the breakdowns agree. */
export function caseStats(pool: pg.Pool, now: number, dayStart: number): Promise<CaseStats> {
  return inSnapshot(pool, async (tx) => {
    const t = (await tx.query<TotalsRow>(TOTALS, [dayStart, now, now - MONTH_MS])).rows[0]!;
    const byDistrict = (await tx.query<CountRow>(byPlace('district'), [dayStart])).rows;
    const byStreet = (await tx.query<CountRow>(byPlace('street'), [dayStart])).rows;
    const rated = t.month_closed + t.month_open;
    return {
      open: t.open, overdue: t.overdue, closedToday: t.closed_today, reportedToday: t.reported_today,
      rectificationRate: rated > 0 ? t.month_closed / rated : 1,
      byDistrict: toRecord(byDistrict),
      byStreet: toRecord(byStreet),
    };
  });
}
