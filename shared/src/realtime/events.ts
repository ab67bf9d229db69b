// The one Socket.IO contract both sides compile against. Commands are present tense and ack with
// { data } | { error }; broadcasts are past tense. Payloads are validated on arrival all the same.
import type { Case, CaseCommandMessage, CaseEvent, CaseStats, NewCase } from '../schemas/cases.ts';
import type { Patrol } from '../schemas/patrols.ts';
import type { SessionUser } from '../schemas/auth.ts';
import type { LayersChanged } from '../schemas/imports.ts';

export interface AckError {
  /** Machine-readable: 'bad_request' | 'forbidden' | 'not_found' | 'conflict' | 'internal' */
  code: string;
  message: string;
}
export type Ack<T> = { data: T } | { error: AckError };
export type AckFn<T> = (res: Ack<T>) => void;

export interface PatrolSnapshot {
  /** Every patrol, unless the subscription said `directory: false` (then empty). */
  patrols: Patrol[];
  /** A full PatrolFrame of every patrol with a position. */
  frame: ArrayBuffer | Uint8Array;
  /** Tick interval in ms, so displays can interpolate over it. */
  tickMs: number;
}

export interface CatchUp {
  events: CaseEvent[];
  lastSeq: number;
  /** False when more than the server keeps for catch-up were missed: reload the case list. */
  complete: boolean;
}

export interface ServerToClientEvents {
  /** Binary PatrolFrame for the rooms this socket joined; sent volatile (the next one supersedes). */
  'patrols:frame': (frame: ArrayBuffer | Uint8Array) => void;
  /** Patrols that joined or whose name/kind/unit changed. */
  'patrols:registered': (patrols: Patrol[]) => void;
  'case:changed': (event: CaseEvent) => void;
  'stats:updated': (stats: CaseStats) => void;
  /** An imported layer replaced the live one, or an import was undone: refetch that layer. */
  'layers:changed': (change: LayersChanged) => void;
}

export interface Subscription {
  /** District codes whose patrols this display wants; omitted = all. */
  districts?: string[];
  /** False: leave the patrols out of the snapshot (the display loads PATROL_DIRECTORY_PATH). */
  directory?: boolean;
}

export interface ClientToServerEvents {
  'session:whoami': (ack: AckFn<SessionUser>) => void;
  'patrols:subscribe': (sub: Subscription, ack: AckFn<PatrolSnapshot>) => void;
  'cases:catch-up': (req: { afterSeq: number }, ack: AckFn<CatchUp>) => void;
  'case:create': (body: NewCase, ack: AckFn<Case>) => void;
  /** A lifecycle command (dispatch, acknowledge, report_done, verify_pass, …). */
  'case:transition': (msg: CaseCommandMessage, ack: AckFn<Case>) => void;
  /** A patrol phone sharing its own position (browser Geolocation API). */
  'patrol:report-position': (fix: PhonePosition, ack: AckFn<{ accepted: true }>) => void;
}

export interface PhonePosition {
  lon: number;
  lat: number;
  /** epoch ms of the fix */
  time: number;
  accuracy?: number;
  speed?: number | null;
  heading?: number | null;
}

export interface SocketData {
  user: SessionUser;
}

/** Room names: one per concern. */
export const rooms = {
  positions: (district: string) => `positions:${district}`,
  /** Displays that show every district: one frame per tick holding every change. */
  allPositions: 'positions:all',
  cases: 'cases',
  patrol: (patrolId: string) => `patrol:${patrolId}`,
} as const;

/** Positions of patrols outside every covered district go to this pseudo-district's room. */
export const OUTSIDE_DISTRICT = 'outside';
