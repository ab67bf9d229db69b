import fp from 'fastify-plugin';
import type { Store } from '../store/types.ts';
import { createSqliteStore } from '../store/sqlite/store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

export interface StorePluginOptions {
  dataDir: string;
  /** Injected by tests or by a deployment that builds its own store. */
  store?: Store;
}

export default fp<StorePluginOptions>(async (app, opts) => {
  const store = opts.store ?? createSqliteStore(opts.dataDir);
  app.decorate('store', store);
  app.addHook('onClose', async () => store.close());
}, { name: 'store' });
