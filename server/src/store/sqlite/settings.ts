import type Database from 'better-sqlite3';
import type { SettingsRepo } from '../types.ts';

export function sqliteSettings(db: Database.Database): SettingsRepo {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  return {
    async get<T>(key: string) { const r = get.get(key); return r ? (JSON.parse(r.value) as T) : null; },
    async put(key, value, by, at) { put.run(key, JSON.stringify(value), at, by); },
  };
}
