import { UniqueViolation } from '../types.ts';

// better-sqlite3 reports a broken UNIQUE index or PRIMARY KEY with these extended result codes.
const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** The store's typed error for a unique-key clash, or the error unchanged. */
export function translateUnique(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && UNIQUE_CODES.has(code)
    ? new UniqueViolation(err.message, { cause: err })
    : err;
}
