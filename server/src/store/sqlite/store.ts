import { join } from 'node:path';
import type { Store } from '../types.ts';
import { openDatabase } from './open-database.ts';
import { sqliteSessions, sqliteUsers } from './users-sessions.ts';
import { sqlitePatrols, sqlitePositions } from './patrols-positions.ts';
import { sqliteCases } from './cases.ts';
import { sqliteSettings } from './settings.ts';
import { sqliteLayers } from './layers.ts';
import { sqliteReviewRepo } from '../../review/sqlite-review-repo.ts';

export function createSqliteStore(dataDir: string | ':memory:'): Store {
  const db = openDatabase(dataDir === ':memory:' ? ':memory:' : join(dataDir, 'command-center.db'));
  return {
    kind: 'sqlite',
    users: sqliteUsers(db),
    sessions: sqliteSessions(db),
    patrols: sqlitePatrols(db),
    positions: sqlitePositions(db),
    cases: sqliteCases(db),
    settings: sqliteSettings(db),
    layers: sqliteLayers(db),
    review: sqliteReviewRepo(db),
    async ping() { return db.prepare('SELECT 1 AS ok').get() !== undefined; },
    async close() { db.close(); },
  };
}
