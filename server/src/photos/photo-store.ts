// Stores case photos: checks the bytes, writes the original and its thumbnail durably, commits the
// metadata, and only then lists the photo on the case. A failure at any step undoes the steps before
// it, so a case never names a photo that is not on disk; a crash between steps leaves an unattached
// record that the start-up sweep resolves.
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Case, CaseEvent, CasePhoto } from '@cw/shared/schemas/cases';
import type { Actor, CaseService } from '../cases/case-service.ts';
import { DomainError } from '../domain-error.ts';
import { sniffImageType, UnsupportedMediaTypeError } from './image-type.ts';
import { renderThumbnail, THUMB_MIME } from './thumbnail.ts';
import type { BlobStore } from './blob-store.ts';
import type { PhotoRecord, PhotosRepo } from './photo-repo.ts';

export const DEFAULT_PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** Unattached records younger than this may belong to an upload still running on another instance. */
const ORPHAN_AGE_MS = 10 * 60_000;
const ATTACH_ATTEMPTS = 3;
const CST_OFFSET_MS = 8 * 3600_000;

export interface PhotoMeta {
  caseId: string;
  stage: CasePhoto['stage'];
  by: Actor;
  /** Set by the demo simulator for the placeholder images it generates. */
  simulated?: boolean;
}

export interface PhotoStoreDeps {
  /** Where the bytes go: files under <DATA_DIR>/photos, or the shared store. */
  blobs: BlobStore;
  repo: PhotosRepo;
  cases: Pick<CaseService, 'get' | 'attachPhoto'>;
  maxBytes: number;
  log: Pick<FastifyBaseLogger, 'warn'>;
  now?: () => number;
}

/** Random, unguessable and path-safe: the client's filename never reaches the disk. */
export function newPhotoId(): string {
  return `ph_${randomBytes(16).toString('base64url')}`;
}

export const PHOTO_ID_PATTERN = '^ph_[A-Za-z0-9_-]{22}$';

export class PhotoStore {
  readonly maxBytes: number;
  private readonly now: () => number;

  constructor(private readonly d: PhotoStoreDeps) {
    this.maxBytes = d.maxBytes;
    this.now = d.now ?? Date.now;
  }

  /** Stores a photo for a case (the simulator's entry point) and returns it as the case lists it. */
  async savePhoto(bytes: Buffer, meta: PhotoMeta): Promise<CasePhoto> {
    return (await this.save(bytes, meta)).photo;
  }

  /** Stores a photo and returns it with the updated case. */
  async save(bytes: Buffer, meta: PhotoMeta): Promise<{ photo: CasePhoto; case: Case }> {
    if (bytes.length === 0) throw new DomainError('bad_request', 'the photo is empty (0 bytes)');
    if (bytes.length > this.maxBytes) throw new DomainError('too_large', `the photo is ${bytes.length} bytes; the limit is ${this.maxBytes}`);
    const type = sniffImageType(bytes);
    if (!type) throw new UnsupportedMediaTypeError('only JPEG, PNG and WebP photos are accepted (the type is read from the content, not the file name)');
    if (!(await this.d.cases.get(meta.caseId))) throw new DomainError('not_found', `no case ${meta.caseId}`);
    const rendition = await renderThumbnail(bytes, type);

    const now = this.now();
    const id = newPhotoId();
    const month = new Date(now + CST_OFFSET_MS).toISOString().slice(0, 7).replace('-', '/');
    const record: PhotoRecord = {
      id, caseId: meta.caseId, stage: meta.stage, mime: type.mime,
      path: `${month}/${id}.${type.ext}`, thumbPath: `${month}/${id}.thumb.webp`, thumbMime: THUMB_MIME,
      bytes: bytes.length, width: rendition.width, height: rendition.height,
      by: meta.by.username, createdAt: now, simulated: meta.simulated ?? false, attached: false,
    };
    await this.writeFiles(record, bytes, rendition.thumb);

    const photo: CasePhoto = { id, stage: meta.stage, createdAt: now, by: meta.by.username };
    let event: CaseEvent;
    try {
      event = await this.attach(meta.caseId, photo, meta.by);
    } catch (err) {
      await this.discard(record).catch((cleanupErr) => this.d.log.warn({ err: cleanupErr, photoId: id }, 'could not remove a photo whose attach failed; the start-up sweep will'));
      throw err;
    }
    try {
      await this.d.repo.markAttached(id);
    } catch (err) {
      // The case already lists the photo; the start-up sweep sees that and marks it then.
      this.d.log.warn({ err, photoId: id }, 'photo attached to its case but not marked attached');
    }
    return { photo, case: event.case };
  }

  get(id: string): Promise<PhotoRecord | null> {
    return this.d.repo.get(id);
  }

  /** The bytes of a stored original or thumbnail, by the key a record names (never a client's). */
  read(key: string): Promise<Buffer | null> {
    return this.d.blobs.get(key);
  }

  /** Resolves records a crash left unattached: kept if their case lists them, else removed. */
  async sweepUnattached(): Promise<{ kept: number; removed: number }> {
    let kept = 0;
    let removed = 0;
    for (const r of await this.d.repo.unattached(this.now() - ORPHAN_AGE_MS)) {
      const c = await this.d.cases.get(r.caseId);
      if (c?.photos.some((p) => p.id === r.id)) {
        await this.d.repo.markAttached(r.id);
        kept++;
      } else {
        await this.discard(r);
        removed++;
      }
    }
    return { kept, removed };
  }

  private async writeFiles(record: PhotoRecord, original: Buffer, thumb: Buffer): Promise<void> {
    await this.d.blobs.put(record.path, original);
    try {
      await this.d.blobs.put(record.thumbPath, thumb);
      await this.d.repo.insert(record);
    } catch (err) {
      await this.d.blobs.remove(record.path);
      await this.d.blobs.remove(record.thumbPath);
      throw err;
    }
  }

  /** The case changes under us when someone acts on it at the same moment; adding a photo does not
   *  depend on what they changed, so it is simply tried again on the new version. */
  private async attach(caseId: string, photo: CasePhoto, by: Actor): Promise<CaseEvent> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.d.cases.attachPhoto(caseId, photo, by);
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'conflict') || attempt >= ATTACH_ATTEMPTS) throw err;
      }
    }
  }

  /** Metadata first, so no record ever points at a missing file. */
  private async discard(record: PhotoRecord): Promise<void> {
    await this.d.repo.delete(record.id);
    await this.d.blobs.remove(record.path);
    await this.d.blobs.remove(record.thumbPath);
  }
}
