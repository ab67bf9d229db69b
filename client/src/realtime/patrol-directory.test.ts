import { describe, expect, it } from 'vitest';
import { PATROL_DIRECTORY_PATH } from '@cw/shared/realtime/patrol-directory';
import { fetchPatrolDirectory } from './patrol-directory.ts';

const entry = { id: 'p3', index: 3, name: '交警丁', kind: 'traffic_police', unit: 'kfq', street: '411771001' };

describe('fetchPatrolDirectory', () => {
  it('asks the directory path and returns its entries', async () => {
    const asked: string[] = [];
    const list = await fetchPatrolDirectory(async (path) => {
      asked.push(path);
      return { patrols: [entry] };
    });
    expect(asked).toEqual([PATROL_DIRECTORY_PATH]);
    expect(list).toEqual([entry]);
  });

  it('refuses a body that does not match the shared schema', async () => {
    await expect(fetchPatrolDirectory(async () => ({ patrols: [{ ...entry, kind: 'pilot' }] }))).rejects.toThrow(/malformed/);
    await expect(fetchPatrolDirectory(async () => ({ patrols: [{ ...entry, index: -1 }] }))).rejects.toThrow(/malformed/);
    await expect(fetchPatrolDirectory(async () => [entry])).rejects.toThrow(/malformed/);
  });
});
