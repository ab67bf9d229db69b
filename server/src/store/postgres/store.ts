import type { Store } from '../types.ts';
import { openPool, type PoolOptions } from './pool.ts';
import { migrate } from './migrate.ts';
import { postgresSessions, postgresUsers } from './users-sessions.ts';
import { postgresPatrols, postgresPositions } from './patrols-positions.ts';
import { postgresCases } from './cases.ts';
import { postgresSettings } from './settings.ts';
import { postgresLayers } from './layers.ts';
import { postgresReviewRepo } from './review.ts';
import { postgresOpen311Keys, postgresPhotoBlobs, postgresPhotos } from './shared-files.ts';

/** Connects, migrates and checks durability; the returned store owns the pool. */
export async function createPostgresStore(url: string, opts: PoolOptions): Promise<Store> {
  const pool = openPool(url, opts);
  try {
    await migrate(pool);
    // The repositories acknowledge a write when COMMIT returns; with synchronous_commit off that
    // commit could still be lost in a crash, so refuse to run on such a server or role.
    const { rows } = await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    if (rows[0]?.synchronous_commit === 'off') throw new Error('PostgreSQL: synchronous_commit is off; acknowledged case writes could be lost');
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    kind: 'postgres',
    users: postgresUsers(pool),
    sessions: postgresSessions(pool),
    patrols: postgresPatrols(pool),
    positions: postgresPositions(pool),
    cases: postgresCases(pool),
    settings: postgresSettings(pool),
    layers: postgresLayers(pool),
    review: postgresReviewRepo(pool),
    shared: { photos: postgresPhotos(pool), photoBlobs: postgresPhotoBlobs(pool), open311Keys: postgresOpen311Keys(pool) },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
