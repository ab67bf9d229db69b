import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Case, CaseEvent, CasePhoto } from '@cw/shared/schemas/cases';
import { DomainError } from '../domain-error.ts';
import { PhotoStore, type PhotoStoreDeps } from './photo-store.ts';
import { sqlitePhotosRepo } from './sqlite-photo-repo.ts';
import { fileBlobStore } from './blob-store.ts';
import type { PhotosRepo } from './photo-repo.ts';
import { UnsupportedMediaTypeError } from './image-type.ts';
import { renderPlaceholderPng } from './placeholder-png.ts';

const NOW = Date.parse('2026-11-30T20:00:00Z'); // already 1 December in China
const actor = { username: 'dispatcher', role: 'dispatcher' as const };

function makeCase(id: string): Case {
  return {
    id, code: id, state: 'reported', category: 'street_dirty', item: 'A09', unit: 'cgj', priority: 'normal', source: 'dispatcher',
    lon: 114.02, lat: 32.98, cell: null, community: null, street: null, district: null, description: '', address: '',
    reporter: 'dispatcher', patrolId: null, createdAt: NOW, updatedAt: NOW, deadlineAt: NOW + 3600_000, closedAt: null,
    overdue: false, escalation: 0, photos: [], deferredFrom: null, deferredUntil: null, version: 1,
  };
}

/** The two case-service calls the store makes, over a map; `failAttach` makes the next attaches fail. */
class FakeCases {
  readonly cases = new Map<string, Case>();
  failAttach: Error[] = [];
  attempts = 0;
  async get(id: string) { return this.cases.get(id) ?? null; }
  async attachPhoto(id: string, photo: CasePhoto): Promise<CaseEvent> {
    this.attempts++;
    const err = this.failAttach.shift();
    if (err) throw err;
    const c = this.cases.get(id)!;
    const next = { ...c, photos: [...c.photos, photo], version: c.version + 1 };
    this.cases.set(id, next);
    return { seq: 1, caseId: id, type: 'photo', at: NOW, actor: 'x', action: null, from: null, to: null, note: null, case: next };
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('photos.db')).map((e) => e.name);
}

describe('PhotoStore', () => {
  let root: string;
  let repo: PhotosRepo;
  let cases: FakeCases;
  let now: number;
  let store: PhotoStore;
  const warnings: unknown[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cw-photos-'));
    repo = sqlitePhotosRepo(join(root, 'photos.db'));
    cases = new FakeCases();
    cases.cases.set('AJ20261201-00001', makeCase('AJ20261201-00001'));
    now = NOW;
    const deps: PhotoStoreDeps = { blobs: fileBlobStore(root), repo, cases, maxBytes: 1024 * 1024, log: { warn: (o: unknown) => void warnings.push(o) } as PhotoStoreDeps['log'], now: () => now };
    store = new PhotoStore(deps);
  });
  afterEach(async () => { await repo.close(); rmSync(root, { recursive: true, force: true }); });

  it('writes the original and a ≤320 px thumbnail under the China-time month, commits metadata, then attaches', async () => {
    const jpeg = await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
    const { photo, case: updated } = await store.save(jpeg, { caseId: 'AJ20261201-00001', stage: 'before', by: actor });
    expect(photo).toEqual({ id: expect.stringMatching(/^ph_[A-Za-z0-9_-]{22}$/), stage: 'before', createdAt: NOW, by: 'dispatcher' });
    expect(updated.photos).toEqual([photo]);
    const record = (await repo.get(photo.id))!;
    expect(record).toMatchObject({ caseId: 'AJ20261201-00001', mime: 'image/jpeg', path: `2026/12/${photo.id}.jpg`, bytes: jpeg.length, width: 1000, height: 500, attached: true, simulated: false });
    const thumb = await sharp((await store.read(record.thumbPath))!).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 160]);
    expect(existsSync(join(root, record.path))).toBe(true);
    expect((await store.read(record.path))!.equals(jpeg)).toBe(true);
  });

  it('turns the thumbnail upright by the EXIF orientation and reports the upright size', async () => {
    const sideways = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#36a' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { photo } = await store.save(sideways, { caseId: 'AJ20261201-00001', stage: 'after', by: actor });
    const record = (await repo.get(photo.id))!;
    expect([record.width, record.height]).toEqual([600, 800]);
    const thumb = await sharp((await store.read(record.thumbPath))!).metadata();
    expect([thumb.width, thumb.height]).toEqual([240, 320]);
  });

  it('keeps a small image at its size and labels the simulator\'s photos as simulated', async () => {
    const photo = await store.savePhoto(renderPlaceholderPng(64, 48, [90, 90, 90]), { caseId: 'AJ20261201-00001', stage: 'before', by: actor, simulated: true });
    const record = (await repo.get(photo.id))!;
    expect(record).toMatchObject({ mime: 'image/png', simulated: true, width: 64, height: 48 });
    expect((await sharp((await store.read(record.thumbPath))!).metadata()).width).toBe(64);
  });

  it('refuses empty, oversized, non-image, undecodable and unknown-case uploads without writing anything', async () => {
    const png = renderPlaceholderPng(8, 8, [1, 1, 1]);
    const meta = { caseId: 'AJ20261201-00001', stage: 'before' as const, by: actor };
    await expect(store.save(Buffer.alloc(0), meta)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(store.save(Buffer.concat([png, Buffer.alloc(1024 * 1024)]), meta)).rejects.toMatchObject({ code: 'too_large' });
    await expect(store.save(Buffer.from('hello'), meta)).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
    await expect(store.save(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('not really a jpeg')]), meta)).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('cannot be decoded') });
    await expect(store.save(png, { ...meta, caseId: 'AJ20261201-09999' })).rejects.toMatchObject({ code: 'not_found' });
    expect(filesUnder(root)).toEqual([]);
  });

  it('undoes the files and the metadata when the case refuses the attach', async () => {
    cases.failAttach = [new DomainError('not_found', 'case vanished')];
    await expect(store.save(renderPlaceholderPng(8, 8, [1, 1, 1]), { caseId: 'AJ20261201-00001', stage: 'before', by: actor })).rejects.toThrow('case vanished');
    expect(filesUnder(root)).toEqual([]);
    expect(await repo.unattached(Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(cases.cases.get('AJ20261201-00001')!.photos).toEqual([]);
  });

  it('tries the attach again when the case changed at the same moment', async () => {
    cases.failAttach = [new DomainError('conflict', 'changed'), new DomainError('conflict', 'changed')];
    const photo = await store.savePhoto(renderPlaceholderPng(8, 8, [1, 1, 1]), { caseId: 'AJ20261201-00001', stage: 'before', by: actor });
    expect(cases.attempts).toBe(3);
    expect(cases.cases.get('AJ20261201-00001')!.photos.map((p) => p.id)).toEqual([photo.id]);
  });

  it('sweeps records a crash left unattached: keeps those the case lists, removes the rest with their files', async () => {
    const listed = await store.savePhoto(renderPlaceholderPng(8, 8, [1, 1, 1]), { caseId: 'AJ20261201-00001', stage: 'before', by: actor });
    const orphan = await store.savePhoto(renderPlaceholderPng(8, 8, [2, 2, 2]), { caseId: 'AJ20261201-00001', stage: 'before', by: actor });
    // Pretend the process died before marking either attached, and that the orphan's case attach never happened.
    for (const id of [listed.id, orphan.id]) {
      const r = (await repo.get(id))!;
      await repo.delete(id);
      await repo.insert({ ...r, attached: false });
    }
    const c = cases.cases.get('AJ20261201-00001')!;
    cases.cases.set(c.id, { ...c, photos: c.photos.filter((p) => p.id !== orphan.id) });
    const orphanRecord = (await repo.get(orphan.id))!;

    expect(await store.sweepUnattached()).toEqual({ kept: 0, removed: 0 }); // too recent: may be an upload in flight
    now += 11 * 60_000;
    expect(await store.sweepUnattached()).toEqual({ kept: 1, removed: 1 });
    expect((await repo.get(listed.id))?.attached).toBe(true);
    expect(await repo.get(orphan.id)).toBeNull();
    expect(existsSync(join(root, orphanRecord.path))).toBe(false);
    expect(existsSync(join(root, orphanRecord.thumbPath))).toBe(false);
  });
});
