// Where photo bytes live, by key (e.g. 2026/11/ph_x.jpg). One machine keeps them as files under
// <DATA_DIR>/photos; a PostgreSQL deployment keeps them in the database, so every node serves every
// photo. A put is durable when it resolves.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeFile, writeFileDurably } from './durable-file.ts';

export interface BlobStore {
  /** Stores new bytes under a key that is not taken yet. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  /** Removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}

/** Files under `root`, fsynced with their directories. Keys come from records, never from clients. */
export function fileBlobStore(root: string): BlobStore {
  const file = (key: string) => join(root, key);
  return {
    put: (key, bytes) => writeFileDurably(file(key), bytes),
    async get(key) {
      try {
        return await readFile(file(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    remove: (key) => removeFile(file(key)),
  };
}
