import type pg from 'pg';
import type { SettingsRepo } from '../types.ts';

export function postgresSettings(pool: pg.Pool): SettingsRepo {
  return {
    async get<T>(key: string) {
      // JSONB comes back parsed.
      const { rows } = await pool.query<{ value: T }>('SELECT value FROM settings WHERE key = $1', [key]);
      return rows[0] ? rows[0].value : null;
    },
    async put(key, value, by, at) {
      await pool.query(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [key, JSON.stringify(value), at, by]);
    },
  };
}
