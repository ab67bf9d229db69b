import type pg from 'pg';
import { POSTGRES_MIGRATIONS } from './migrations.ts';

/** Brings the schema on the pool's search_path up to date. Nodes starting together take a
 *  session advisory lock keyed by the schema name, so one migrates while the others wait and
 *  then find nothing left to do; other schemas (parallel test runs) are not held up. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    const schema = (await client.query<{ s: string | null }>('SELECT current_schema() AS s')).rows[0]?.s;
    if (!schema) throw new Error('PostgreSQL: no schema on the search_path exists; create it or fix DATABASE_URL');
    await client.query("SELECT pg_advisory_lock(hashtext('cw.schema_migrations'), hashtext($1))", [schema]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const [i, sql] of POSTGRES_MIGRATIONS.entries()) {
      const version = i + 1;
      if (applied.has(version)) continue;
      await client.query('BEGIN');
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, Date.now()]);
      await client.query('COMMIT');
    }
    await client.query("SELECT pg_advisory_unlock(hashtext('cw.schema_migrations'), hashtext($1))", [schema]);
  } catch (err) {
    failure = err as Error;
    throw err;
  } finally {
    // On failure the connection is destroyed: that rolls back an open migration and drops the lock.
    client.release(failure);
  }
}
