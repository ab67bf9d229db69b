// The review reads on SQLite. Each scan runs to completion inside one call (better-sqlite3 is
// synchronous), so no other statement can interleave with an open iterator on the connection.
import type Database from 'better-sqlite3';
import type { CaseFact, ReviewRepo } from './review-repo.ts';

type FactRow = [id: string, state: CaseFact['state'], category: string, item: string, unit: string, source: string, lon: number,
  lat: number, cell: string | null, community: string | null, street: string | null, district: string | null,
  patrolId: string | null, createdAt: number, closedAt: number | null, overdue: number, version: number];

export function sqliteReviewRepo(db: Database.Database): ReviewRepo {
  // Rows as arrays: a million rows as objects with seventeen named properties cost three times as much.
  const cases = db.prepare<[], FactRow>(`SELECT id, state, category, item, unit, source, lon, lat, cell, community,
      street, district, patrol_id, created_at, closed_at, overdue, version FROM cases`).raw(true);
  // Served by the partial index case_events_reopened (migration 3).
  const reopened = db.prepare<[], { caseId: string }>(
    "SELECT DISTINCT case_id AS caseId FROM case_events WHERE action = 'verify_fail'");
  // Driving the join from patrols lets SQLite use positions(patrol_idx, t) once per patrol
  // instead of scanning the whole table for a time range.
  const positions = db.prepare<[number, number], [number, number, number, number]>(`SELECT p.patrol_idx, p.t, p.lon, p.lat
    FROM patrols pa JOIN positions p ON p.patrol_idx = pa.idx AND p.t >= ? AND p.t < ?
    ORDER BY pa.idx, p.t`).raw(true);

  return {
    async scanCases(visit) {
      let n = 0;
      const f = {} as CaseFact;
      for (const r of cases.iterate()) {
        f.id = r[0]; f.state = r[1]; f.category = r[2]; f.item = r[3]; f.unit = r[4]; f.source = r[5]; f.lon = r[6]; f.lat = r[7];
        f.cell = r[8]; f.community = r[9]; f.street = r[10]; f.district = r[11]; f.patrolId = r[12]; f.createdAt = r[13];
        f.closedAt = r[14]; f.overdue = r[15] === 1; f.version = r[16];
        visit(f);
        n++;
      }
      return n;
    },
    async reopenedCaseIds() {
      return reopened.all().map((r) => r.caseId);
    },
    async scanPositions(from, to, visit) {
      let n = 0;
      for (const [idx, t, lon, lat] of positions.iterate(from, to)) {
        visit(idx, t, lon, lat);
        n++;
      }
      return n;
    },
  };
}
