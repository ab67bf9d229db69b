// Several server nodes behind one load balancer. Socket.IO's Redis Streams adapter carries every
// broadcast (position frames, case events, stats) to the sockets of every node, so each node emits
// only what happened on it: a case event once, by the node that wrote it; a frame with the fixes
// reported to it. Live patrol state is made the same on every node by two server-side messages —
// a patrol registered here, and each tick the fixes reported here — so a display's snapshot and the
// dispatch recommendations on any node cover every patrol.
import Type from 'typebox';
import Compile from 'typebox/compile';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { PatrolKindSchema } from '@cw/shared/schemas/patrols';
import type { LivePatrols } from '../patrols/live-patrols.ts';
import { decodePeerFixes, encodePeerFixes } from '../patrols/peer-fixes.ts';
import type { PatrolRecord } from '../store/types.ts';
import type { RedisClient } from '../plugins/redis.ts';
import type { IoServer } from './io-types.ts';

/** Redis keys and channels all start with `prefix`, so deployments sharing a Redis stay apart. */
export function clusterAdapter(redis: RedisClient, prefix: string) {
  return createAdapter(publishingView(redis), {
    streamName: `${prefix}:socket.io`,
    channelPrefix: `${prefix}:socket.io`,
    sessionKeyPrefix: `${prefix}:socket.io:session:`,
  });
}

/** The client as the adapter publishes through it. The adapter awaits each broadcast's XADD before
 *  delivering to this node's own sockets, and node-redis queues commands while disconnected: during
 *  a Redis outage every frame and case event would wait for Redis. So stream writes fail at once
 *  (the adapter then delivers locally), and pub/sub messages — which the adapter does not await
 *  or catch — are dropped: the next tick's fixes supersede them, and an unknown patrol is reread
 *  from the store. Only the methods the adapter calls on a node-redis client are passed on. */
function publishingView(redis: RedisClient) {
  const down = () => !redis.isReady;
  const orFail = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => (...args: A): Promise<R> =>
    (down() ? Promise.reject(new Error('Redis is unreachable')) : fn(...args));
  const orDrop = <A extends unknown[]>(fn: (...args: A) => Promise<unknown>) => (...args: A): Promise<unknown> =>
    (down() ? Promise.resolve(0) : fn(...args));
  return {
    duplicate: () => redis.duplicate(),
    // Present so the adapter recognises a node-redis v4+ client.
    sSubscribe: redis.sSubscribe.bind(redis),
    xAdd: orFail(redis.xAdd.bind(redis)),
    xRange: orFail(redis.xRange.bind(redis)),
    set: orFail(redis.set.bind(redis)),
    sendCommand: orFail(redis.sendCommand.bind(redis)),
    publish: orDrop(redis.publish.bind(redis)),
    sPublish: orDrop(redis.sPublish.bind(redis)),
  };
}

// Peers are our own nodes, but a message from another version of the server must not corrupt state.
const checkPatrol = Compile(Type.Object({
  id: Type.String(), index: Type.Integer({ minimum: 0 }), deviceId: Type.String(), name: Type.String(),
  kind: PatrolKindSchema, unit: Type.String(), homeStreet: Type.Union([Type.String(), Type.Null()]), createdAt: Type.Number(),
}));

export interface ClusterLog {
  warn: (o: object, m: string) => void;
  error: (o: object, m: string) => void;
}

/** Wires this node's live state to the others'; call `shareTick` once per tick after the frames. */
export function shareLiveState(io: IoServer, live: LivePatrols, log: ClusterLog, now: () => number = Date.now) {
  const refresh = () => live.refreshDirectory().catch((err: unknown) => { log.error({ err }, 'could not reread the patrol directory'); });

  io.on('patrol:registered', (rec: unknown) => {
    if (!checkPatrol.Check(rec)) return log.warn({ rec }, 'ignored a malformed patrol from another node');
    live.learn(rec as PatrolRecord).catch((err: unknown) => log.error({ err }, 'could not learn a patrol from another node'));
  });
  io.on('patrols:fixes', (packed: unknown) => {
    const fixes = decodePeerFixes(packed);
    if (!fixes) return log.warn({}, 'ignored malformed fixes from another node');
    // A patrol we never heard of (registered while this node was starting): reread the directory,
    // then apply the fixes again; a newer fix that arrived meanwhile still wins on time.
    if (!live.applyPeerFixes(fixes, now())) void refresh().then(() => live.applyPeerFixes(fixes, now()));
  });
  live.onRegistered((rec) => io.serverSideEmit('patrol:registered', rec));

  return {
    shareTick(): void {
      const fixes = live.drainPeerChanges();
      if (fixes.length) io.serverSideEmit('patrols:fixes', encodePeerFixes(fixes));
    },
  };
}
