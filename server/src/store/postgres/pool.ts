import pg from 'pg';

export interface PoolOptions {
  /** Connections per node; every write transaction holds one until COMMIT. */
  max?: number;
  /** An idle connection dropped by the server (restart, failover) is reported here; without a
   *  listener pg's pool would raise it as an uncaught 'error' and end the process. */
  onIdleError: (err: Error) => void;
}

// BIGINT holds epoch milliseconds and counts, all far below 2^53, so a JS number is exact; pg's
// default would hand back strings. The override is per pool, leaving the global pg.types alone.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format)
  ) as pg.CustomTypesConfig['getTypeParser'],
};

/** A pool for `url` (postgres://…; `?options=-c search_path=…` picks the schema). */
export function openPool(url: string, opts: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types,
    application_name: 'cw-server',
    // Fail a start or a request against an unreachable server instead of hanging on it.
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', opts.onIdleError);
  return pool;
}
