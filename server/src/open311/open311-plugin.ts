// The Open311 key service as an app service, decorated as `app.open311Keys`. With DEMO=1 the
// documented demo key (demo-open311-key) works too. Keys live in the store when it is PostgreSQL
// (every node accepts every key), else in <DATA_DIR>/open311/open311.db.
import fp from 'fastify-plugin';
import { join } from 'node:path';
import { Open311Keys } from './open311-keys.ts';
import { sqliteOpen311KeysRepo } from './sqlite-keys-repo.ts';

declare module 'fastify' {
  interface FastifyInstance {
    open311Keys: Open311Keys;
  }
}

export interface Open311PluginOptions {
  dataDir: string;
  demo: boolean;
}

export default fp<Open311PluginOptions>(async (app, opts) => {
  // Shared between nodes when the store is; else a file of its own beside the main database.
  const repo = app.store.shared?.open311Keys ?? sqliteOpen311KeysRepo(join(opts.dataDir, 'open311', 'open311.db'));
  const keys = new Open311Keys(repo, { demo: opts.demo });
  app.decorate('open311Keys', keys);
  app.addHook('onClose', async () => repo.close());
}, { name: 'open311', dependencies: ['store'] });
