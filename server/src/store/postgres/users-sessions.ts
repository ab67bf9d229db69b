import type pg from 'pg';
import type { Role } from '@cw/shared/schemas/auth';
import type { SessionRecord, SessionsRepo, UserRecord, UsersRepo } from '../types.ts';

interface UserRow { username: string; role: string; password_hash: string; patrol_id: string | null; created_at: number; disabled: boolean }
interface SessionRow { token_hash: string; username: string; kind: string; label: string; created_at: number; expires_at: number | null; revoked_at: number | null }

const toUser = (r: UserRow): UserRecord => ({
  username: r.username, role: r.role as Role, passwordHash: r.password_hash, patrolId: r.patrol_id,
  createdAt: r.created_at, disabled: r.disabled,
});
const toSession = (r: SessionRow): SessionRecord => ({
  tokenHash: r.token_hash, username: r.username, kind: r.kind as SessionRecord['kind'], label: r.label,
  createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
});

export function postgresUsers(pool: pg.Pool): UsersRepo {
  return {
    async get(username) {
      const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
      return rows[0] ? toUser(rows[0]) : null;
    },
    async list() {
      // Byte order, as SQLite sorts, whatever the database's collation.
      const { rows } = await pool.query<UserRow>('SELECT * FROM users ORDER BY username COLLATE "C"');
      return rows.map(toUser);
    },
    async upsert(u) {
      await pool.query(`INSERT INTO users (username, role, password_hash, patrol_id, created_at, disabled)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (username) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
          patrol_id = excluded.patrol_id, disabled = excluded.disabled`,
      [u.username, u.role, u.passwordHash, u.patrolId, u.createdAt, u.disabled]);
    },
  };
}

export function postgresSessions(pool: pg.Pool): SessionsRepo {
  return {
    async create(s) {
      await pool.query(`INSERT INTO sessions (token_hash, username, kind, label, created_at, expires_at, revoked_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [s.tokenHash, s.username, s.kind, s.label, s.createdAt, s.expiresAt, s.revokedAt]);
    },
    async get(hash) {
      const { rows } = await pool.query<SessionRow>('SELECT * FROM sessions WHERE token_hash = $1', [hash]);
      return rows[0] ? toSession(rows[0]) : null;
    },
    async revoke(hash, at) {
      const res = await pool.query('UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL', [at, hash]);
      return (res.rowCount ?? 0) > 0;
    },
    async listDisplays() {
      const { rows } = await pool.query<SessionRow>("SELECT * FROM sessions WHERE kind = 'display' ORDER BY created_at");
      return rows.map(toSession);
    },
  };
}
