// Photo metadata in its own SQLite file beside the photos, so the main store needs no change.
// WAL with synchronous=FULL: a committed insert is on disk before the call returns.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PhotoRecord, PhotosRepo } from './photo-repo.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS photos (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    mime TEXT NOT NULL,
    path TEXT NOT NULL,
    thumb_path TEXT NOT NULL,
    thumb_mime TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    simulated INTEGER NOT NULL,
    attached INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS photos_case ON photos(case_id);
  CREATE INDEX IF NOT EXISTS photos_unattached ON photos(attached, created_at);
`;

interface Row {
  id: string; case_id: string; stage: string; mime: string; path: string; thumb_path: string; thumb_mime: string;
  bytes: number; width: number; height: number; by: string; created_at: number; simulated: number; attached: number;
}

const fromRow = (r: Row): PhotoRecord => ({
  id: r.id, caseId: r.case_id, stage: r.stage as PhotoRecord['stage'], mime: r.mime as PhotoRecord['mime'],
  path: r.path, thumbPath: r.thumb_path, thumbMime: r.thumb_mime, bytes: r.bytes, width: r.width, height: r.height,
  by: r.by, createdAt: r.created_at, simulated: r.simulated === 1, attached: r.attached === 1,
});

export function sqlitePhotosRepo(file: string): PhotosRepo {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const insert = db.prepare(`INSERT INTO photos (id, case_id, stage, mime, path, thumb_path, thumb_mime, bytes, width, height, by, created_at, simulated, attached)
    VALUES (@id, @caseId, @stage, @mime, @path, @thumbPath, @thumbMime, @bytes, @width, @height, @by, @createdAt, @simulated, @attached)`);
  const get = db.prepare<[string], Row>('SELECT * FROM photos WHERE id = ?');
  const markAttached = db.prepare<[string]>('UPDATE photos SET attached = 1 WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM photos WHERE id = ?');
  const unattached = db.prepare<[number], Row>('SELECT * FROM photos WHERE attached = 0 AND created_at < ? ORDER BY created_at');
  return {
    async insert(p) { insert.run({ ...p, simulated: p.simulated ? 1 : 0, attached: p.attached ? 1 : 0 }); },
    async get(id) { const r = get.get(id); return r ? fromRow(r) : null; },
    async markAttached(id) { markAttached.run(id); },
    async delete(id) { remove.run(id); },
    async unattached(before) { return unattached.all(before).map(fromRow); },
    async close() { db.close(); },
  };
}
