import type Database from 'better-sqlite3';
import type { PatrolRecord, PatrolsRepo, PositionRow, PositionsRepo } from '../types.ts';
import { toPatrol, toPos, type PatrolRow, type PosRow } from '../row-mappers.ts';
import { translateUnique } from './unique-violation.ts';


export function sqlitePatrols(db: Database.Database): PatrolsRepo {
  const list = db.prepare<[], PatrolRow>('SELECT * FROM patrols ORDER BY idx');
  const nextIdx = db.prepare<[], { n: number }>('SELECT COALESCE(MAX(idx) + 1, 0) AS n FROM patrols');
  const insert = db.prepare(`INSERT INTO patrols (id, idx, device_id, name, kind, unit, home_street, created_at)
    VALUES (@id, @index, @deviceId, @name, @kind, @unit, @homeStreet, @createdAt)`);
  const create = db.transaction((p: Omit<PatrolRecord, 'index'>): PatrolRecord => {
    const rec = { ...p, index: nextIdx.get()!.n };
    insert.run(rec);
    return rec;
  });
  return {
    async list() { return list.all().map(toPatrol); },
    async create(p) { try { return create(p); } catch (err) { throw translateUnique(err); } },
  };
}

export function sqlitePositions(db: Database.Database): PositionsRepo {
  const insert = db.prepare('INSERT INTO positions (patrol_idx, t, lon, lat, speed, heading) VALUES (?, ?, ?, ?, ?, ?)');
  const appendAll = db.transaction((rows: readonly PositionRow[]) => {
    for (const r of rows) insert.run(r.patrolIndex, r.time, r.lon, r.lat, r.speed, r.heading);
  });
  const track = db.prepare<[number, number, number], PosRow>(
    'SELECT * FROM positions WHERE patrol_idx = ? AND t >= ? AND t <= ? ORDER BY t');
  const latest = db.prepare<[], PosRow>(`SELECT p.* FROM positions p
    JOIN (SELECT patrol_idx, MAX(t) AS t FROM positions GROUP BY patrol_idx) m
      ON m.patrol_idx = p.patrol_idx AND m.t = p.t GROUP BY p.patrol_idx`);
  return {
    async append(rows) { if (rows.length) appendAll(rows); },
    async track(idx, from, to) { return track.all(idx, from, to).map(toPos); },
    async latest() { return latest.all().map(toPos); },
  };
}
