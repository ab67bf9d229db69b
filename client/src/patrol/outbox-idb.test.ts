// @vitest-environment node
// Node's own Blob and structuredClone, as a browser's IndexedDB would keep them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDbOutboxStorage } from './outbox-idb.ts';
import type { OutboxItem } from './outbox.ts';

const item = (id: number, photo: Blob | null): OutboxItem => ({
  id, queuedAt: 1000 + id, attempts: 0, status: 'queued', error: null,
  job: photo
    ? { kind: 'report-done', caseId: 'AJ20260310-00001', commandId: `cmd-${id}-abcdef`, upload: { photo, known: null, started: false, photoId: null } }
    : { kind: 'transition', caseId: 'AJ20260310-00001', command: { action: 'acknowledge', commandId: `cmd-${id}-abcdef` } },
});

describe('IndexedDbOutboxStorage', () => {
  it('keeps items, photos included, for the next start, in queue order', async () => {
    const first = new IndexedDbOutboxStorage('patrol1');
    await first.put(item(2, new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' })));
    await first.put(item(1, null));

    const reopened = new IndexedDbOutboxStorage('patrol1');
    const items = await reopened.load();
    expect(items.map((i) => i.id)).toEqual([1, 2]);
    const job = items[1]!.job;
    if (job.kind !== 'report-done') throw new Error('expected the photo job');
    expect(job.upload.photo.type).toBe('image/jpeg');
    expect([...new Uint8Array(await job.upload.photo.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 0xe0]);

    await reopened.remove(1);
    expect((await new IndexedDbOutboxStorage('patrol1').load()).map((i) => i.id)).toEqual([2]);
  });

  it('keeps each account apart', async () => {
    await new IndexedDbOutboxStorage('patrol2').put(item(7, null));
    expect((await new IndexedDbOutboxStorage('patrol3').load())).toEqual([]);
    expect((await new IndexedDbOutboxStorage('patrol2').load()).map((i) => i.id)).toEqual([7]);
  });
});
