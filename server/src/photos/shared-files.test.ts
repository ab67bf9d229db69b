// The one-machine photo and key storage (own SQLite files + photo files) against the contract the
// PostgreSQL store also passes (store/postgres/postgres-store.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSharedFilesContract } from '../store/shared-files-contract.ts';
import { sqliteOpen311KeysRepo } from '../open311/sqlite-keys-repo.ts';
import { sqlitePhotosRepo } from './sqlite-photo-repo.ts';
import { fileBlobStore } from './blob-store.ts';

describeSharedFilesContract('files under DATA_DIR', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-shared-files-'));
  const photos = sqlitePhotosRepo(join(dir, 'photos', 'photos.db'));
  const open311Keys = sqliteOpen311KeysRepo(join(dir, 'open311', 'open311.db'));
  return {
    files: { photos, open311Keys, photoBlobs: fileBlobStore(join(dir, 'photos')) },
    async close() {
      await photos.close();
      await open311Keys.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
