// The one realtime entry point: each server event goes to one store action. On every (re)connect
// the display re-subscribes to positions (a fresh snapshot: one frame, drawn at once), revalidates
// the patrols' directory over HTTP (names and kinds, applied when they land) and catches up on
// missed case events.
// A patrol phone connects through `startPatrolRealtime` instead: it sees only its own tasks and
// shares its position.
import { io, type Socket } from 'socket.io-client';
import type { CatchUp, ClientToServerEvents, PatrolSnapshot, PhonePosition, ServerToClientEvents } from '@cw/shared/realtime/events';
import { useCasesStore } from '../stores/cases.ts';
import { usePatrolTasksStore } from '../stores/patrol-tasks.ts';
import { usePatrolsStore } from '../stores/patrols.ts';
import { useSessionStore } from '../stores/session.ts';
import { useLayersStore } from '../stores/layers.ts';
import { ask } from './ask.ts';
import { fetchPatrolDirectory } from './patrol-directory.ts';
import { isBinaryFrame, isCaseEvent, isCaseStats, isCatchUp, isLayersChanged, isPatrolList, isPatrolSnapshot } from './payload-guards.ts';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 15_000;
const RETRY_MS = 5_000;
/** A list reload after an incomplete catch-up is itself followed by a catch-up; this bounds that. */
const MAX_RELOADS = 3;

export interface RealtimeOptions {
  token: string | null;
  /** Tests pass a fake socket. */
  connect?: (token: string | null) => RealtimeSocket;
}

export interface Realtime {
  socket: RealtimeSocket;
  /** Resolves when the current case catch-up (if any) has finished. */
  settled(): Promise<void>;
  stop(): void;
}

const warned = new Set<string>();
/** A payload that fails the contract is dropped; say so once per event, not once per payload. */
function rejectPayload(event: string): void {
  if (warned.has(event)) return;
  warned.add(event);
  console.warn(`[realtime] dropped a '${event}' payload that does not match the shared contract`);
}

function connectSocket(token: string | null): RealtimeSocket {
  return io({ path: '/socket.io', transports: ['websocket'], auth: token ? { token } : {} });
}

export function startRealtime(options: RealtimeOptions): Realtime {
  const session = useSessionStore();
  const patrols = usePatrolsStore();
  const cases = useCasesStore();
  const socket = (options.connect ?? connectSocket)(options.token);
  let stopped = false;
  let catching: Promise<void> | null = null;
  let catchUpAgain = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let directoryTimer: ReturnType<typeof setTimeout> | undefined;

  function retryLater(what: () => Promise<void>): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!stopped && socket.connected) void what();
    }, RETRY_MS);
  }

  async function subscribePatrols(): Promise<void> {
    try {
      const snapshot = await ask<PatrolSnapshot>((ack) => socket.emit('patrols:subscribe', { directory: false }, ack), ACK_TIMEOUT_MS);
      if (!isPatrolSnapshot(snapshot)) throw new Error('malformed patrol snapshot');
      patrols.applySnapshot(snapshot);
    } catch (err) {
      console.warn('[realtime] patrol subscription failed', err);
      retryLater(subscribePatrols);
    }
  }

  async function loadDirectory(): Promise<void> {
    clearTimeout(directoryTimer);
    try {
      patrols.register(await fetchPatrolDirectory());
    } catch (err) {
      console.warn('[realtime] patrol directory failed, retrying', err);
      directoryTimer = setTimeout(() => {
        if (!stopped) void loadDirectory();
      }, RETRY_MS);
    }
  }

  async function catchUpOnce(): Promise<void> {
    let reloads = 0;
    do {
      catchUpAgain = false;
      if (cases.lastSeq === null) await cases.loadOpen();
      const afterSeq = reloads === 0 ? cases.catchUpFrom() : (cases.lastSeq ?? 0);
      const reply = await ask<CatchUp>((ack) => socket.emit('cases:catch-up', { afterSeq }, ack), ACK_TIMEOUT_MS);
      if (!isCatchUp(reply)) throw new Error('malformed catch-up');
      if (cases.applyCatchUp(reply) === 'reload' && reloads < MAX_RELOADS) {
        reloads++;
        await cases.loadOpen();
        catchUpAgain = true;
      }
    } while (catchUpAgain && !stopped);
  }

  /** Single flight: a gap found while a catch-up runs makes it go round once more. */
  function catchUp(): Promise<void> {
    if (catching) {
      catchUpAgain = true;
      return catching;
    }
    catching = catchUpOnce()
      .catch((err: unknown) => {
        console.warn('[realtime] case catch-up failed', err);
        retryLater(catchUp);
      })
      .finally(() => {
        catching = null;
      });
    return catching;
  }

  socket.on('connect', () => {
    session.setLink('live');
    void subscribePatrols();
    void loadDirectory();
    void catchUp();
    cases.loadStats().catch((err: unknown) => console.warn('[realtime] stats reload failed', err));
  });
  socket.on('disconnect', () => session.setLink('lost'));
  socket.on('connect_error', () => session.setLink('lost'));

  socket.on('patrols:frame', (frame) => {
    if (isBinaryFrame(frame)) patrols.receiveFrame(frame);
    else rejectPayload('patrols:frame');
  });
  socket.on('patrols:registered', (list) => {
    if (isPatrolList(list)) patrols.register(list);
    else rejectPayload('patrols:registered');
  });
  socket.on('case:changed', (event) => {
    if (!isCaseEvent(event)) return rejectPayload('case:changed');
    if (cases.applyEvent(event) === 'gap') void catchUp();
  });
  socket.on('layers:changed', (change) => {
    if (isLayersChanged(change)) void useLayersStore().changed(change).catch(() => undefined);
    else rejectPayload('layers:changed');
  });
  socket.on('stats:updated', (stats) => {
    if (isCaseStats(stats)) cases.setStats(stats);
    else rejectPayload('stats:updated');
  });

  return {
    socket,
    settled: () => catching ?? Promise.resolve(),
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(directoryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

export interface PatrolRealtime {
  socket: RealtimeSocket;
  /** Shares one fix; rejects when the socket is down or the server refuses it. */
  reportPosition(fix: PhonePosition): Promise<void>;
  stop(): void;
}

export interface PatrolRealtimeOptions extends RealtimeOptions {
  /** Every (re)connect, after the task list is reloaded (the phone sends its outbox then). */
  onConnect?: () => void;
}

/** A patrol phone's link: its own tasks (reloaded on every connect, then followed through the case
 *  events of its room) and the position it shares. */
export function startPatrolRealtime(options: PatrolRealtimeOptions): PatrolRealtime {
  const session = useSessionStore();
  const tasks = usePatrolTasksStore();
  const socket = (options.connect ?? connectSocket)(options.token);
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function loadTasks(): void {
    tasks.load().catch((err: unknown) => {
      console.warn('[realtime] task list failed, retrying', err);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        if (!stopped && socket.connected) loadTasks();
      }, RETRY_MS);
    });
  }

  socket.on('connect', () => {
    session.setLink('live');
    loadTasks();
    options.onConnect?.();
  });
  socket.on('disconnect', () => session.setLink('lost'));
  socket.on('connect_error', () => session.setLink('lost'));
  socket.on('case:changed', (event) => {
    if (isCaseEvent(event)) tasks.applyEvent(event);
    else rejectPayload('case:changed');
  });

  return {
    socket,
    async reportPosition(fix) {
      if (!socket.connected) throw new Error('not connected');
      await ask<{ accepted: true }>((ack) => socket.emit('patrol:report-position', fix, ack), ACK_TIMEOUT_MS);
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
