// Photo metadata: what the app needs from storage, nothing about how. SQLite implements it today;
// the methods are async so a PostgreSQL implementation fits the same contract.
import type { CasePhoto } from '@cw/shared/schemas/cases';
import type { PhotoMime } from './image-type.ts';

export interface PhotoRecord {
  id: string;
  caseId: string;
  stage: CasePhoto['stage'];
  mime: PhotoMime;
  /** Relative to the photos directory, e.g. 2026/11/ph_x.jpg. */
  path: string;
  thumbPath: string;
  thumbMime: string;
  bytes: number;
  width: number;
  height: number;
  by: string;
  createdAt: number;
  /** Made by the demo simulator, not taken by a camera. */
  simulated: boolean;
  /** Set once the case lists the photo; a record left unattached by a crash is swept at start. */
  attached: boolean;
}

export interface PhotosRepo {
  insert(photo: PhotoRecord): Promise<void>;
  get(id: string): Promise<PhotoRecord | null>;
  markAttached(id: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** Records still unattached that were created before `before`. */
  unattached(before: number): Promise<PhotoRecord[]>;
  close(): Promise<void>;
}
