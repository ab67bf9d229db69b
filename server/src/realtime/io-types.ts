import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '@cw/shared/realtime/events';
import type { PatrolRecord } from '../store/types.ts';

/** Between server nodes (serverSideEmit through the Redis adapter); never seen by clients. */
export interface InterServerEvents {
  /** A patrol registered on the sending node. */
  'patrol:registered': (patrol: PatrolRecord) => void;
  /** The fixes reported to the sending node in its last tick (peer-fixes.ts). */
  'patrols:fixes': (packed: Uint8Array) => void;
  /** A layer's active version changed in the shared store: reload the layers from it. */
  'layers:changed': (change: { layer: string; version: number }) => void;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export interface Log { error: (o: object, m: string) => void; warn?: (o: object, m: string) => void }
