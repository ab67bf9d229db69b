// What photo metadata, photo bytes and Open311 keys must do wherever they live: in their own SQLite
// files and on disk (one machine) or in PostgreSQL (shared by every node). Run by
// photos/shared-files.test.ts and postgres/postgres-store.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhotoRecord } from '../photos/photo-repo.ts';
import type { SharedFiles } from './types.ts';

export interface SharedFilesUnderTest {
  files: SharedFiles;
  close(): Promise<void>;
}

const photo = (id: string, over: Partial<PhotoRecord> = {}): PhotoRecord => ({
  id, caseId: 'AJ20261127-00001', stage: 'before', mime: 'image/jpeg', path: `2026/11/${id}.jpg`, thumbPath: `2026/11/${id}.thumb.webp`,
  thumbMime: 'image/webp', bytes: 1234, width: 640, height: 480, by: 'patrol1', createdAt: 1_795_000_000_000, simulated: false, attached: false, ...over,
});

export function describeSharedFilesContract(name: string, open: () => Promise<SharedFilesUnderTest>): void {
  describe(`${name} photos and Open311 keys`, () => {
    let under: SharedFilesUnderTest;
    let f: SharedFiles;
    beforeEach(async () => { under = await open(); f = under.files; });
    afterEach(async () => { await under.close(); });

    it('keeps every field of a photo record; marks attached; deletes; unknown ids are null', async () => {
      const p = photo('ph_aaaaaaaaaaaaaaaaaaaaaa', { simulated: true, stage: 'after' });
      await f.photos.insert(p);
      expect(await f.photos.get(p.id)).toEqual(p);
      await f.photos.markAttached(p.id);
      expect(await f.photos.get(p.id)).toEqual({ ...p, attached: true });
      await f.photos.delete(p.id);
      expect(await f.photos.get(p.id)).toBeNull();
      expect(await f.photos.get('ph_missing')).toBeNull();
    });

    it('lists the unattached records created before a time, oldest first', async () => {
      await f.photos.insert(photo('ph_new', { createdAt: 300 }));
      await f.photos.insert(photo('ph_old', { createdAt: 100 }));
      await f.photos.insert(photo('ph_mid', { createdAt: 200 }));
      await f.photos.insert(photo('ph_done', { createdAt: 50, attached: true }));
      expect((await f.photos.unattached(300)).map((r) => r.id)).toEqual(['ph_old', 'ph_mid']);
    });

    it('refuses a second record with the same id', async () => {
      await f.photos.insert(photo('ph_dup'));
      await expect(f.photos.insert(photo('ph_dup'))).rejects.toThrow();
    });

    it('stores bytes by key exactly, refuses to overwrite a key, and removes (missing keys too)', async () => {
      const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) & 0xff);
      await f.photoBlobs.put('2026/11/ph_x.jpg', bytes);
      expect(Buffer.compare((await f.photoBlobs.get('2026/11/ph_x.jpg'))!, Buffer.from(bytes))).toBe(0);
      await expect(f.photoBlobs.put('2026/11/ph_x.jpg', new Uint8Array([1]))).rejects.toThrow();
      expect((await f.photoBlobs.get('2026/11/ph_x.jpg'))!.length).toBe(70_000);
      expect(await f.photoBlobs.get('2026/11/other.jpg')).toBeNull();
      await f.photoBlobs.remove('2026/11/ph_x.jpg');
      await f.photoBlobs.remove('2026/11/ph_x.jpg');
      expect(await f.photoBlobs.get('2026/11/ph_x.jpg')).toBeNull();
    });

    it('issues keys once per label and per hash, finds them by hash, lists by time and revokes once', async () => {
      const key = (id: string, label: string, keyHash: string, createdAt: number) => ({ id, label, keyHash, createdAt, revokedAt: null });
      expect(await f.open311Keys.insert(key('k2', '12345热线', 'h2', 20))).toBe(true);
      expect(await f.open311Keys.insert(key('k1', 'app', 'h1', 10))).toBe(true);
      expect(await f.open311Keys.insert(key('k3', 'app', 'h3', 30))).toBe(false);
      expect(await f.open311Keys.insert(key('k4', 'other', 'h1', 40))).toBe(false);
      expect(await f.open311Keys.byHash('h2')).toEqual(key('k2', '12345热线', 'h2', 20));
      expect(await f.open311Keys.byHash('nope')).toBeNull();
      expect((await f.open311Keys.list()).map((k) => k.id)).toEqual(['k1', 'k2']);
      expect(await f.open311Keys.revoke('k1', 99)).toBe(true);
      expect(await f.open311Keys.revoke('k1', 100)).toBe(false);
      expect(await f.open311Keys.revoke('nope', 100)).toBe(false);
      expect((await f.open311Keys.byHash('h1'))!.revokedAt).toBe(99);
    });
  });
}
