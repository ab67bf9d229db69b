// A display as the wall runs it, reduced to what tests check: a Socket.IO connection with a token,
// every case event and position it receives, and the commands it sends (subscribe, catch up).
import { io, type Socket } from 'socket.io-client';
import { decodeFrame } from '@cw/shared/realtime/patrol-frame';
import type { Ack, CatchUp, ClientToServerEvents, PatrolSnapshot, ServerToClientEvents } from '@cw/shared/realtime/events';
import type { CaseEvent } from '@cw/shared/schemas/cases';
import type { Patrol } from '@cw/shared/schemas/patrols';

export interface SeenFix {
  lon: number;
  lat: number;
}

export interface Display {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Every case event in arrival order. */
  events: CaseEvent[];
  /** The latest position each patrol index had in any frame (snapshot or tick). */
  positions: Map<number, SeenFix>;
  registered: Patrol[];
  subscribe(): Promise<PatrolSnapshot>;
  catchUp(afterSeq: number): Promise<CatchUp>;
  close(): void;
}

function applyFrame(positions: Map<number, SeenFix>, frame: ArrayBuffer | Uint8Array): void {
  const f = decodeFrame(frame instanceof Uint8Array ? frame : new Uint8Array(frame));
  for (let i = 0; i < f.count; i++) positions.set(f.columns.index[i]!, { lon: f.columns.lon[i]!, lat: f.columns.lat[i]! });
}

function unwrap<T>(res: Ack<T>): T {
  if ('error' in res) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}

export function connectDisplay(url: string, token: string): Promise<Display> {
  const socket: Display['socket'] = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  const display: Display = {
    socket,
    events: [],
    positions: new Map(),
    registered: [],
    async subscribe() {
      const snap = unwrap((await socket.timeout(5000).emitWithAck('patrols:subscribe', {})) as Ack<PatrolSnapshot>);
      applyFrame(display.positions, snap.frame);
      return snap;
    },
    async catchUp(afterSeq) {
      return unwrap((await socket.timeout(5000).emitWithAck('cases:catch-up', { afterSeq })) as Ack<CatchUp>);
    },
    close: () => { socket.close(); },
  };
  socket.on('case:changed', (e) => display.events.push(e));
  socket.on('patrols:frame', (frame) => applyFrame(display.positions, frame));
  socket.on('patrols:registered', (list) => display.registered.push(...list));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(display));
    socket.once('connect_error', (err) => { socket.close(); reject(err); });
  });
}
