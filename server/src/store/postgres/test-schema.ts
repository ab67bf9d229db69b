// For tests that need a real PostgreSQL: each run works in throwaway schemas (cw_test_<random>),
// so parallel runs and test files never see each other's rows, and drops them afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the Postgres tests use; TEST_DATABASE_URL overrides the local default. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Whether PostgreSQL answers. Unreachable under CI throws, failing the file loudly; elsewhere
 *  it returns false with a warning, so a machine without PostgreSQL can still run the rest. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (err) {
    const why = `PostgreSQL at ${withoutPassword(TEST_DATABASE_URL)} is unreachable (${(err as Error).message})`;
    if (process.env.CI) throw new Error(`${why}; CI is set, so the PostgreSQL tests fail instead of skipping`);
    console.warn(`${why}: skipping the PostgreSQL tests. Start it, or set TEST_DATABASE_URL.`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withoutPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** TEST_DATABASE_URL with every connection's search_path set to `schema`. */
export function schemaUrl(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Creates schemas on demand and drops all of them at the end. */
export class TestSchemas {
  private readonly admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  private readonly created: string[] = [];

  async create(): Promise<{ schema: string; url: string }> {
    // Random hex only, so the name is safe to put in the DDL text.
    const schema = `cw_test_${randomBytes(6).toString('hex')}`;
    await this.admin.query(`CREATE SCHEMA ${schema}`);
    this.created.push(schema);
    return { schema, url: schemaUrl(schema) };
  }

  /** Deletes every row but the migration history, leaving a fresh store: far cheaper than a new
   *  schema or TRUNCATE. One statement, so foreign keys are checked once every table is empty. */
  async empty(schema: string): Promise<void> {
    const { rows } = await this.admin.query<{ sql: string | null }>(`
      SELECT 'WITH ' || string_agg(format('d%s AS (DELETE FROM %I.%I)', n, schemaname, tablename), ', ') || ' SELECT 1' AS sql
      FROM (SELECT row_number() OVER () AS n, schemaname, tablename FROM pg_tables
            WHERE schemaname = $1 AND tablename <> 'schema_migrations') t`, [schema]);
    if (rows[0]?.sql) await this.admin.query(rows[0].sql);
  }

  /** Runs one query as the admin, e.g. to look at what a store wrote. */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.admin.query<R>(text, values);
  }

  async dropAll(): Promise<void> {
    for (const schema of this.created.splice(0)) await this.admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await this.admin.end();
  }
}
