// Files that survive a crash once written: data fsynced, and the directory entries that name them
// fsynced too (a fresh file or folder is only durable once its parent directory is).
import { mkdir, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try { await fh.sync(); } finally { await fh.close(); }
}

/** Creates `file` (never overwriting one), writes and fsyncs it; on failure nothing is left behind. */
export async function writeFileDurably(file: string, data: Uint8Array): Promise<void> {
  const dir = dirname(file);
  const created = await mkdir(dir, { recursive: true });
  if (created) {
    // Every folder from `created` down to `dir` is new: sync the parent of each (`dir` itself is
    // synced below, after the file is in it).
    for (let d = dir; ; d = dirname(d)) {
      if (d !== dir) await syncDir(d);
      if (d === created) { await syncDir(dirname(d)); break; }
    }
  }
  const fh = await open(file, 'wx');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (err) {
    await fh.close();
    await removeFile(file);
    throw err;
  }
  await fh.close();
  await syncDir(dir);
}

/** Removes a file; one already gone is not an error. */
export async function removeFile(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
