import type pg from 'pg';
import type { PatrolRecord, PatrolsRepo, PositionsRepo } from '../types.ts';
import { toPatrol, toPos, type PatrolRow, type PosRow } from '../row-mappers.ts';
import { inTransaction } from './transaction.ts';


export function postgresPatrols(pool: pg.Pool): PatrolsRepo {
  return {
    async list() {
      const { rows } = await pool.query<PatrolRow>('SELECT * FROM patrols ORDER BY idx');
      return rows.map(toPatrol);
    },
    create(p) {
      return inTransaction(pool, async (tx) => {
        // Indexes are dense (0, 1, 2 …: they address the binary PatrolFrame). Two nodes reading
        // MAX(idx) at once would pick the same one, so creators queue on this lock; readers don't.
        await tx.query('LOCK TABLE patrols IN SHARE ROW EXCLUSIVE MODE');
        const { rows } = await tx.query<{ n: number }>('SELECT COALESCE(MAX(idx) + 1, 0) AS n FROM patrols');
        const rec: PatrolRecord = { ...p, index: rows[0]!.n };
        await tx.query(`INSERT INTO patrols (id, idx, device_id, name, kind, unit, home_street, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [rec.id, rec.index, rec.deviceId, rec.name, rec.kind, rec.unit, rec.homeStreet, rec.createdAt]);
        return rec;
      });
    },
  };
}

export function postgresPositions(pool: pg.Pool): PositionsRepo {
  return {
    async append(rows) {
      if (!rows.length) return;
      // One statement for the whole batch: atomic, and one round trip for hundreds of fixes.
      await pool.query(`INSERT INTO positions (patrol_idx, t, lon, lat, speed, heading)
        SELECT * FROM unnest($1::integer[], $2::bigint[], $3::float8[], $4::float8[], $5::float8[], $6::float8[])`,
      [rows.map((r) => r.patrolIndex), rows.map((r) => r.time), rows.map((r) => r.lon), rows.map((r) => r.lat),
        rows.map((r) => r.speed), rows.map((r) => r.heading)]);
    },
    async track(idx, from, to) {
      const { rows } = await pool.query<PosRow>(
        'SELECT * FROM positions WHERE patrol_idx = $1 AND t >= $2 AND t <= $3 ORDER BY t', [idx, from, to]);
      return rows.map(toPos);
    },
    async latest() {
      const { rows } = await pool.query<PosRow>('SELECT DISTINCT ON (patrol_idx) * FROM positions ORDER BY patrol_idx, t DESC');
      return rows.map(toPos);
    },
  };
}
