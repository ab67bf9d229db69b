// Loads the patrols' directory (who each frame index is) over HTTP. The browser's cache does the
// revalidation: the server answers `no-cache` with an ETag, so a reload or reconnect costs a 304
// unless patrols joined, and the bytes come brotli- or gzip-compressed.
import { PATROL_DIRECTORY_PATH, type PatrolDirectoryEntry } from '@cw/shared/realtime/patrol-directory';
import { getJson } from '../api/http.ts';
import { isPatrolDirectory } from './payload-guards.ts';

export async function fetchPatrolDirectory(get: (path: string) => Promise<unknown> = getJson): Promise<PatrolDirectoryEntry[]> {
  const body = await get(PATROL_DIRECTORY_PATH);
  if (!isPatrolDirectory(body)) throw new Error('malformed patrol directory');
  return body.patrols;
}
