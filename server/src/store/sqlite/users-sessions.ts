import type Database from 'better-sqlite3';
import type { SessionRecord, SessionsRepo, UserRecord, UsersRepo } from '../types.ts';
import type { Role } from '@cw/shared/schemas/auth';

interface UserRow { username: string; role: string; password_hash: string; patrol_id: string | null; created_at: number; disabled: number }
interface SessionRow { token_hash: string; username: string; kind: string; label: string; created_at: number; expires_at: number | null; revoked_at: number | null }

const toUser = (r: UserRow): UserRecord => ({
  username: r.username, role: r.role as Role, passwordHash: r.password_hash, patrolId: r.patrol_id,
  createdAt: r.created_at, disabled: r.disabled === 1,
});
const toSession = (r: SessionRow): SessionRecord => ({
  tokenHash: r.token_hash, username: r.username, kind: r.kind as SessionRecord['kind'], label: r.label,
  createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
});

export function sqliteUsers(db: Database.Database): UsersRepo {
  const get = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const list = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username');
  const upsert = db.prepare(`INSERT INTO users (username, role, password_hash, patrol_id, created_at, disabled)
    VALUES (@username, @role, @passwordHash, @patrolId, @createdAt, @disabled)
    ON CONFLICT(username) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
      patrol_id = excluded.patrol_id, disabled = excluded.disabled`);
  return {
    async get(username) { const r = get.get(username); return r ? toUser(r) : null; },
    async list() { return list.all().map(toUser); },
    async upsert(u) { upsert.run({ ...u, disabled: u.disabled ? 1 : 0 }); },
  };
}

export function sqliteSessions(db: Database.Database): SessionsRepo {
  const insert = db.prepare(`INSERT INTO sessions (token_hash, username, kind, label, created_at, expires_at, revoked_at)
    VALUES (@tokenHash, @username, @kind, @label, @createdAt, @expiresAt, @revokedAt)`);
  const get = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?');
  const revoke = db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  const displays = db.prepare<[], SessionRow>("SELECT * FROM sessions WHERE kind = 'display' ORDER BY created_at");
  return {
    async create(s) { insert.run(s); },
    async get(hash) { const r = get.get(hash); return r ? toSession(r) : null; },
    async revoke(hash, at) { return revoke.run(at, hash).changes > 0; },
    async listDisplays() { return displays.all().map(toSession); },
  };
}
