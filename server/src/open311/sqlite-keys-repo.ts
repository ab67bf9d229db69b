// Open311 keys in their own SQLite file (<DATA_DIR>/open311/open311.db), so the main store needs no
// change. WAL with synchronous=FULL: an issued or revoked key is on disk before the admin is told.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Open311KeyRecord, Open311KeysRepo } from './keys-repo.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS open311_keys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL UNIQUE,
    key_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
`;

interface Row { id: string; label: string; key_hash: string; created_at: number; revoked_at: number | null }
const fromRow = (r: Row): Open311KeyRecord => ({ id: r.id, label: r.label, keyHash: r.key_hash, createdAt: r.created_at, revokedAt: r.revoked_at });

export function sqliteOpen311KeysRepo(file: string): Open311KeysRepo {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT OR IGNORE INTO open311_keys (id, label, key_hash, created_at, revoked_at) VALUES (@id, @label, @keyHash, @createdAt, @revokedAt)');
  const byHash = db.prepare<[string], Row>('SELECT * FROM open311_keys WHERE key_hash = ?');
  const list = db.prepare<[], Row>('SELECT * FROM open311_keys ORDER BY created_at, id');
  const revoke = db.prepare<[number, string]>('UPDATE open311_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  return {
    async insert(r) { return insert.run(r).changes === 1; },
    async byHash(h) { const r = byHash.get(h); return r ? fromRow(r) : null; },
    async list() { return list.all().map(fromRow); },
    async revoke(id, at) { return revoke.run(at, id).changes === 1; },
    async close() { db.close(); },
  };
}
