// The review's naive baselines, as a tutorial would write the endpoints: per request, SELECT the
// window's rows into JavaScript objects and aggregate them (and, as a second reference, let SQLite
// aggregate with GROUP BY). Only the filters the benchmark uses are supported.
import type { openDatabase } from '../../server/src/store/sqlite/open-database.ts';
import type { FilterQuery } from '../../server/src/review/review-service.ts';
import type { HeatGrid } from '../../server/src/review/heat-grid.ts';

export interface Window { from: number; to: number }
type Db = ReturnType<typeof openDatabase>;

interface CaseRow {
  id: string; state: string; category: string; district: string | null; street: string | null; cell: string | null;
  lon: number; lat: number; created_at: number; closed_at: number | null; overdue: number; is_open: number;
}

const COLUMNS = 'id, state, category, district, street, cell, lon, lat, created_at, closed_at, overdue, is_open';

/** The WHERE clause and its parameters for a window and the filters category, state, district. */
function where(w: Window, q: FilterQuery): { sql: string; params: (string | number)[] } {
  const parts = ['created_at >= ? AND created_at < ?'];
  const params: (string | number)[] = [w.from, w.to];
  for (const [key, column] of [['category', 'category'], ['state', 'state'], ['district', 'district']] as const) {
    const values = q[key]?.split(',').filter(Boolean);
    if (!values?.length) continue;
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  return { sql: parts.join(' AND '), params };
}

function loadRows(db: Db, w: Window, q: FilterQuery): CaseRow[] {
  const { sql, params } = where(w, q);
  // The columns the answers need (SELECT * would also drag each case's JSON document along: GBs).
  return db.prepare<(string | number)[], CaseRow>(`SELECT ${COLUMNS} FROM cases WHERE ${sql}`).all(...params);
}

export function naiveHeat(db: Db, grid: HeatGrid, w: Window, q: FilterQuery): { total: number; bins: Record<string, number> } {
  const rows = loadRows(db, w, q);
  const bins: Record<string, number> = {};
  for (const r of rows) {
    const key = `${grid.x(r.lon)},${grid.y(r.lat)}`;
    bins[key] = (bins[key] ?? 0) + 1;
  }
  return { total: rows.length, bins };
}

export function naiveChoropleth(db: Db, w: Window, q: FilterQuery): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of loadRows(db, w, q)) if (r.cell) counts.set(r.cell, (counts.get(r.cell) ?? 0) + 1);
  return counts;
}

export function sqlCellCounts(db: Db, w: Window, q: FilterQuery): Map<string, number> {
  const { sql, params } = where(w, q);
  const rows = db.prepare<(string | number)[], { cell: string; n: number }>(
    `SELECT cell, COUNT(*) AS n FROM cases WHERE ${sql} AND cell IS NOT NULL GROUP BY cell`).all(...params);
  return new Map(rows.map((r: { cell: string; n: number }) => [r.cell, r.n]));
}

export interface NaiveRank { street: string; cases: number; onTimeRate: number | null; meanHandlingMs: number | null; p90HandlingMs: number | null; reopenRate: number | null }

export function naiveStreetRankings(db: Db, w: Window, q: FilterQuery): NaiveRank[] {
  const rows = loadRows(db, w, q);
  const reopened = new Set(db.prepare<[], { case_id: string }>("SELECT DISTINCT case_id FROM case_events WHERE action = 'verify_fail'").all().map((r: { case_id: string }) => r.case_id));
  const groups = new Map<string, CaseRow[]>();
  for (const r of rows) {
    if (!r.street) continue;
    let g = groups.get(r.street);
    if (!g) groups.set(r.street, (g = []));
    g.push(r);
  }
  const out: NaiveRank[] = [];
  for (const [street, g] of groups) {
    const closed = g.filter((r) => r.state === 'closed');
    const overdueOpen = g.filter((r) => r.is_open && r.overdue).length;
    const handling = closed.map((r) => r.closed_at! - r.created_at).sort((a, b) => a - b);
    const due = closed.length + overdueOpen;
    out.push({
      street, cases: g.length,
      onTimeRate: due ? closed.filter((r) => !r.overdue).length / due : null,
      meanHandlingMs: handling.length ? handling.reduce((a, b) => a + b, 0) / handling.length : null,
      p90HandlingMs: handling.length ? handling[Math.ceil(0.9 * handling.length) - 1]! : null,
      reopenRate: closed.length ? closed.filter((r) => reopened.has(r.id)).length / closed.length : null,
    });
  }
  return out.sort((a, b) => b.cases - a.cases || a.street.localeCompare(b.street));
}
