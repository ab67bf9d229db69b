// Repository interfaces: what the app needs from storage, nothing about how. SQLite and PostgreSQL
// implement them; store-contract.ts is the test suite both must pass.
import type { Case, CaseEvent, CaseEventType, CaseQuery, CaseStats } from '@cw/shared/schemas/cases';
import type { Role } from '@cw/shared/schemas/auth';
import type { PatrolKind } from '@cw/shared/domain/patrol';

export interface UserRecord {
  username: string;
  role: Role;
  passwordHash: string;
  patrolId: string | null;
  createdAt: number;
  disabled: boolean;
}

export interface SessionRecord {
  tokenHash: string;
  username: string;
  kind: 'login' | 'display';
  label: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface PatrolRecord {
  id: string;
  index: number;
  deviceId: string;
  name: string;
  kind: PatrolKind;
  unit: string;
  /** The street the patrol is responsible for (its grid), if any. */
  homeStreet: string | null;
  createdAt: number;
}

export interface PositionRow {
  patrolIndex: number;
  time: number;
  lon: number;
  lat: number;
  speed: number;
  heading: number;
}

export interface UsersRepo {
  get(username: string): Promise<UserRecord | null>;
  list(): Promise<UserRecord[]>;
  upsert(user: UserRecord): Promise<void>;
}

export interface SessionsRepo {
  create(session: SessionRecord): Promise<void>;
  get(tokenHash: string): Promise<SessionRecord | null>;
  revoke(tokenHash: string, at: number): Promise<boolean>;
  listDisplays(): Promise<SessionRecord[]>;
}

export interface PatrolsRepo {
  list(): Promise<PatrolRecord[]>;
  /** Creates the patrol with the next free index; returns the stored record. */
  create(p: Omit<PatrolRecord, 'index'>): Promise<PatrolRecord>;
}

export interface PositionsRepo {
  append(rows: readonly PositionRow[]): Promise<void>;
  track(patrolIndex: number, from: number, to: number): Promise<PositionRow[]>;
  /** The newest stored fix of every patrol, to restore live state after a restart. */
  latest(): Promise<PositionRow[]>;
}

export interface CaseChange {
  type: CaseEventType;
  at: number;
  actor: string;
  action?: string | null;
  from?: Case['state'] | null;
  to?: Case['state'] | null;
  note?: string | null;
  /** Client-chosen id of the command, so a replayed command (offline queue) is applied once. */
  commandId?: string | null;
}

export class ConflictError extends Error {
  readonly code = 'conflict';
}

/** A write refused because a unique key is taken: a replayed clientRef or commandId racing its
 *  twin, or a device id already registered. Both engines throw this, so callers need not parse
 *  driver messages. The transaction it came from was rolled back. */
export class UniqueViolation extends Error {
  readonly code = 'unique_violation';
}

export interface CasesRepo {
  /** Writes the case and its 'created' event in one durable transaction; the code is assigned here. */
  create(draft: Omit<Case, 'code' | 'id'>, change: CaseChange, clientRef?: string): Promise<CaseEvent>;
  /** Replaces the case if its stored version is `expectedVersion`, appends the event; else ConflictError. */
  update(next: Case, expectedVersion: number, change: CaseChange): Promise<CaseEvent>;
  get(id: string): Promise<Case | null>;
  getByClientRef(clientRef: string): Promise<Case | null>;
  /** Overdue first, then newest; equal creation times newest code first, so pages are stable. */
  list(q: CaseQuery): Promise<{ total: number; cases: Case[] }>;
  /** Open cases whose deadline has passed and that can still escalate (level < 3). */
  openPastDeadline(now: number, limit: number): Promise<Case[]>;
  events(caseId: string): Promise<CaseEvent[]>;
  eventByCommand(commandId: string): Promise<CaseEvent | null>;
  eventsAfter(seq: number, limit: number): Promise<CaseEvent[]>;
  lastSeq(): Promise<number>;
  stats(now: number, dayStart: number): Promise<CaseStats>;
}

export type { ReviewRepo } from '../review/review-repo.ts';

export interface SettingsRepo {
  get<T>(key: string): Promise<T | null>;
  put(key: string, value: unknown, by: string, at: number): Promise<void>;
}

/** A stored version of an imported map layer (its GeoJSON bytes are read separately). */
export interface LayerVersionRecord {
  layer: string;
  version: number;
  createdAt: number;
  createdBy: string;
  sourceName: string;
  featureCount: number;
  report: unknown;
  active: boolean;
}

export type NewLayerVersion = Omit<LayerVersionRecord, 'version' | 'active'> & { geojsonGz: Uint8Array };

export interface LayersRepo {
  /** In one transaction: stores `v` as the layer's next version and makes it the active one, if the
   *  active version is still `expectedActive` (0 = none, the committed file); else ConflictError. */
  apply(v: NewLayerVersion, expectedActive: number): Promise<LayerVersionRecord>;
  /** Makes `version` active (0 = none: back to the committed file) if the active one is still
   *  `expectedActive`; else ConflictError. Every version is kept. */
  activate(layer: string, version: number, expectedActive: number): Promise<void>;
  /** The layer's versions, newest first. */
  list(layer: string): Promise<LayerVersionRecord[]>;
  /** Every layer's active version with its gzipped GeoJSON. */
  active(): Promise<{ layer: string; version: number; geojsonGz: Buffer }[]>;
  /** One version's gzipped GeoJSON, or null. */
  bytes(layer: string, version: number): Promise<Buffer | null>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  users: UsersRepo;
  sessions: SessionsRepo;
  patrols: PatrolsRepo;
  positions: PositionsRepo;
  cases: CasesRepo;
  settings: SettingsRepo;
  /** Imported versions of the map layers. */
  layers: LayersRepo;
  /** Streaming reads for the leaders' review (cases as compact facts, position history). */
  review: import('../review/review-repo.ts').ReviewRepo;
  /** Photos and Open311 keys when the store is shared between nodes (PostgreSQL); absent on one
   *  machine, where they stay in their own files under DATA_DIR. */
  shared?: SharedFiles;
  /** Cheap liveness probe for readiness. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface SharedFiles {
  photos: import('../photos/photo-repo.ts').PhotosRepo;
  photoBlobs: import('../photos/blob-store.ts').BlobStore;
  open311Keys: import('../open311/keys-repo.ts').Open311KeysRepo;
}
