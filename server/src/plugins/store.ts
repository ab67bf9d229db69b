import fp from 'fastify-plugin';
import type { Store } from '../store/types.ts';
import { createSqliteStore } from '../store/sqlite/store.ts';
import { createPostgresStore } from '../store/postgres/store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

export interface StorePluginOptions {
  dataDir: string;
  /** Set: PostgreSQL at this URL; null: SQLite in dataDir. */
  databaseUrl: string | null;
  /** Injected by tests or by a deployment that builds its own store. */
  store?: Store;
}

export default fp<StorePluginOptions>(async (app, opts) => {
  const store = opts.store ?? (opts.databaseUrl
    ? await createPostgresStore(opts.databaseUrl, { onIdleError: (err) => app.log.error({ err }, 'idle PostgreSQL connection lost') })
    : createSqliteStore(opts.dataDir));
  app.decorate('store', store);
  app.addHook('onClose', async () => store.close());
}, { name: 'store' });
