import type pg from 'pg';
import { UniqueViolation } from '../types.ts';

// SQLSTATE unique_violation.
const UNIQUE_VIOLATION = '23505';

/** The store's typed error for a unique-key clash, or the error unchanged. */
export function translateUnique(err: unknown): unknown {
  return err instanceof Error && (err as { code?: unknown }).code === UNIQUE_VIOLATION
    ? new UniqueViolation(err.message, { cause: err })
    : err;
}

async function transaction<T>(pool: pg.Pool, begin: string, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // Set when the connection may still be inside a transaction: it is destroyed, never reused.
  let unusable: Error | undefined;
  try {
    await client.query(begin);
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => { unusable = rollbackErr; });
    throw translateUnique(err);
  } finally {
    client.release(unusable);
  }
}

/** Runs `fn` between BEGIN and COMMIT on one pooled connection; any error rolls back and is
 *  rethrown, unique-key clashes as UniqueViolation. It resolves only after COMMIT returned, and
 *  with synchronous_commit on (the server default, which we rely on) the commit record is then
 *  on disk: an acknowledged write survives a crash. */
export function inTransaction<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  return transaction(pool, 'BEGIN', fn);
}

/** Several reads from one consistent snapshot (e.g. stats whose parts must add up). */
export function inSnapshot<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  return transaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn);
}
