// Photos (metadata and bytes) and Open311 keys in PostgreSQL, so that every node of a deployment
// serves every photo and accepts every key. On one machine (SQLite) they stay in their own files
// under DATA_DIR (photos/photos.db + the photo files, open311/open311.db).
import type pg from 'pg';
import type { PhotoRecord, PhotosRepo } from '../../photos/photo-repo.ts';
import type { BlobStore } from '../../photos/blob-store.ts';
import type { Open311KeyRecord, Open311KeysRepo } from '../../open311/keys-repo.ts';

interface PhotoRow {
  id: string; case_id: string; stage: string; mime: string; path: string; thumb_path: string; thumb_mime: string;
  bytes: number; width: number; height: number; by: string; created_at: number; simulated: boolean; attached: boolean;
}
const toPhoto = (r: PhotoRow): PhotoRecord => ({
  id: r.id, caseId: r.case_id, stage: r.stage as PhotoRecord['stage'], mime: r.mime as PhotoRecord['mime'],
  path: r.path, thumbPath: r.thumb_path, thumbMime: r.thumb_mime, bytes: r.bytes, width: r.width, height: r.height,
  by: r.by, createdAt: r.created_at, simulated: r.simulated, attached: r.attached,
});

/** The pool belongs to the store: close() here is a no-op, the store's close ends it. */
export function postgresPhotos(pool: pg.Pool): PhotosRepo {
  return {
    async insert(p) {
      await pool.query(`INSERT INTO photos (id, case_id, stage, mime, path, thumb_path, thumb_mime, bytes, width, height, by, created_at, simulated, attached)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [p.id, p.caseId, p.stage, p.mime, p.path, p.thumbPath, p.thumbMime, p.bytes, p.width, p.height, p.by, p.createdAt, p.simulated, p.attached]);
    },
    async get(id) {
      const { rows } = await pool.query<PhotoRow>('SELECT * FROM photos WHERE id = $1', [id]);
      return rows[0] ? toPhoto(rows[0]) : null;
    },
    async markAttached(id) { await pool.query('UPDATE photos SET attached = true WHERE id = $1', [id]); },
    async delete(id) { await pool.query('DELETE FROM photos WHERE id = $1', [id]); },
    async unattached(before) {
      const { rows } = await pool.query<PhotoRow>('SELECT * FROM photos WHERE NOT attached AND created_at < $1 ORDER BY created_at', [before]);
      return rows.map(toPhoto);
    },
    async close() {},
  };
}

export function postgresPhotoBlobs(pool: pg.Pool): BlobStore {
  return {
    async put(key, bytes) {
      await pool.query('INSERT INTO photo_blobs (key, bytes) VALUES ($1, $2)', [key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
    },
    async get(key) {
      const { rows } = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM photo_blobs WHERE key = $1', [key]);
      return rows[0]?.bytes ?? null;
    },
    async remove(key) { await pool.query('DELETE FROM photo_blobs WHERE key = $1', [key]); },
  };
}

interface KeyRow { id: string; label: string; key_hash: string; created_at: number; revoked_at: number | null }
const toKey = (r: KeyRow): Open311KeyRecord => ({ id: r.id, label: r.label, keyHash: r.key_hash, createdAt: r.created_at, revokedAt: r.revoked_at });

export function postgresOpen311Keys(pool: pg.Pool): Open311KeysRepo {
  return {
    async insert(rec) {
      // Like SQLite's INSERT OR IGNORE: a taken id, label or key is a refusal, not an error.
      const r = await pool.query('INSERT INTO open311_keys (id, label, key_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [rec.id, rec.label, rec.keyHash, rec.createdAt, rec.revokedAt]);
      return r.rowCount === 1;
    },
    async byHash(h) {
      const { rows } = await pool.query<KeyRow>('SELECT * FROM open311_keys WHERE key_hash = $1', [h]);
      return rows[0] ? toKey(rows[0]) : null;
    },
    async list() {
      const { rows } = await pool.query<KeyRow>('SELECT * FROM open311_keys ORDER BY created_at, id COLLATE "C"');
      return rows.map(toKey);
    },
    async revoke(id, at) {
      const r = await pool.query('UPDATE open311_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
      return r.rowCount === 1;
    },
    async close() {},
  };
}
