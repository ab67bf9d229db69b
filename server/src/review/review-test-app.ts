// The real app with the review plugin and routes added, as app.ts will register them, for tests.
// The review reads through its own connection to the test store's SQLite file; fixes are fed to
// the coverage listener by the test (standing in for the LivePatrols.onFix hook).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import { buildApp } from '../build-app.ts';
import { openDatabase } from '../store/sqlite/open-database.ts';
import reviewRoutes from '../routes/review.ts';
import type { App } from '../routes/types.ts';
import reviewPlugin, { type FixListener } from './review-plugin.ts';
import { sqliteReviewRepo } from './sqlite-review-repo.ts';

export interface ReviewTestApp {
  app: FastifyInstance;
  dataDir: string;
  fix: FixListener;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/** `seed` runs on the fresh data dir before the app starts (e.g. to write history). */
export async function buildReviewTestApp(seed?: (dataDir: string) => void | Promise<void>): Promise<ReviewTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-review-'));
  await seed?.(dir);
  const config = loadConfig({ DEMO: '1', DATA_DIR: dir, SIMULATE: '0', CLIENT_DIST: '', LOG_LEVEL: 'silent', LOGIN_RATE_MAX: '1000' });
  const app = await buildApp({ config }, false);
  const db = openDatabase(join(dir, 'command-center.db'));
  let fix: FixListener = () => { throw new Error('review plugin did not subscribe to fixes'); };
  await app.register(reviewPlugin, { repo: sqliteReviewRepo(db), onFix: (l) => { fix = l; } });
  await (app as unknown as App).register(reviewRoutes);
  await app.ready();
  return {
    app, dataDir: dir,
    fix: (i, f) => fix(i, f),
    async login(username) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'zmd-demo' } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode}`);
      return (res.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
