// The review reads on SQLite. Each scan runs to completion inside one call (better-sqlite3 is
// synchronous), so no other statement can interleave with an open iterator on the connection.
import type Database from 'better-sqlite3';
import type { CaseFact, ReviewRepo } from './review-repo.ts';

interface FactRow extends Omit<CaseFact, 'overdue'> { overdue: number }

export function sqliteReviewRepo(db: Database.Database): ReviewRepo {
  const cases = db.prepare<[], FactRow>(`SELECT id, state, category, item, unit, source, lon, lat, cell, community,
      street, district, patrol_id AS patrolId, created_at AS createdAt, closed_at AS closedAt, overdue, version
    FROM cases`);
  // Served by the partial index case_events_reopened (migration 3); without it this is a full scan.
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
      for (const r of cases.iterate()) {
        visit({ ...r, overdue: r.overdue === 1 });
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
