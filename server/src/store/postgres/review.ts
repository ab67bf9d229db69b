// The review's streaming reads on PostgreSQL: keyset pages over the primary key (cases) and over
// (patrol_idx, t) (positions), so a million rows never sit in memory at once and no cursor holds a
// connection between pages.
import type pg from 'pg';
import type { CaseFact, ReviewRepo } from '../../review/review-repo.ts';

const PAGE = 10_000;

export function postgresReviewRepo(pool: pg.Pool): ReviewRepo {
  return {
    async scanCases(visit) {
      let n = 0;
      let after = '';
      const f = {} as CaseFact;
      for (;;) {
        const { rows } = await pool.query({
          text: `SELECT id, state, category, item, unit, source, lon, lat, cell, community, street, district, patrol_id,
              created_at, closed_at, overdue, version FROM cases WHERE id > $1 ORDER BY id LIMIT ${PAGE}`,
          values: [after],
          rowMode: 'array',
        });
        for (const r of rows as unknown[][]) {
          f.id = r[0] as string; f.state = r[1] as CaseFact['state']; f.category = r[2] as string; f.item = r[3] as string;
          f.unit = r[4] as string; f.source = r[5] as string; f.lon = r[6] as number; f.lat = r[7] as number;
          f.cell = r[8] as string | null; f.community = r[9] as string | null; f.street = r[10] as string | null;
          f.district = r[11] as string | null; f.patrolId = r[12] as string | null; f.createdAt = r[13] as number;
          f.closedAt = r[14] as number | null; f.overdue = r[15] === 1 || r[15] === true; f.version = r[16] as number;
          visit(f);
          n++;
        }
        if (rows.length < PAGE) return n;
        after = (rows[rows.length - 1] as unknown[])[0] as string;
      }
    },
    async reopenedCaseIds() {
      const { rows } = await pool.query<{ case_id: string }>("SELECT DISTINCT case_id FROM case_events WHERE action = 'verify_fail'");
      return rows.map((r) => r.case_id);
    },
    async scanPositions(from, to, visit) {
      let n = 0;
      let afterIdx = -1;
      let afterT = -1;
      for (;;) {
        const { rows } = await pool.query({
          text: `SELECT patrol_idx, t, lon, lat FROM positions WHERE t >= $1 AND t < $2 AND (patrol_idx, t) > ($3, $4)
            ORDER BY patrol_idx, t LIMIT ${PAGE}`,
          values: [from, to, afterIdx, afterT],
          rowMode: 'array',
        });
        for (const r of rows as number[][]) {
          visit(r[0]!, r[1]!, r[2]!, r[3]!);
          n++;
        }
        if (rows.length < PAGE) return n;
        const last = rows[rows.length - 1] as number[];
        afterIdx = last[0]!;
        afterT = last[1]!;
      }
    },
  };
}
