// Socket.IO on the app's HTTP server: authenticates every connection, puts it in the rooms its role
// may see, and once per tick sends each position room one binary frame of what changed. With Redis
// (REDIS_URL) the broadcasts reach the sockets of every node, and live state is shared (cluster.ts).
import fp from 'fastify-plugin';
import { Server } from 'socket.io';

import { encodeFrame } from '@cw/shared/realtime/patrol-frame';
import { OUTSIDE_DISTRICT, rooms } from '@cw/shared/realtime/events';
import { SESSION_COOKIE, tokenFrom } from './auth.ts';
import { patrolHandlers, patrolPhoneHandlers } from '../realtime/patrol-handlers.ts';
import { caseHandlers } from '../realtime/case-handlers.ts';
import { SocketCommands } from '../realtime/ack.ts';
import { clusterAdapter, shareLiveState } from '../realtime/cluster.ts';
import type { IoServer } from '../realtime/io-types.ts';

declare module 'fastify' {
  interface FastifyInstance {
    io: IoServer;
  }
}

const STATS_MS = 5000;

export default fp<{ tickMs: number; redisKeyPrefix: string }>(async (app, opts) => {
  const io: IoServer = new Server(app.server, {
    ...(app.redis ? { adapter: clusterAdapter(app.redis, opts.redisKeyPrefix) } : {}),
    path: '/socket.io',
    serveClient: false,
    // Off so a broadcast is encoded once for all recipients; the frames are compact already.
    perMessageDeflate: false,
    maxHttpBufferSize: 1_000_000,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });
  app.decorate('io', io);
  const cluster = app.redis ? shareLiveState(io, app.live, app.log) : null;
  const commands = new SocketCommands(app.log);

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
    const token = typeof auth?.token === 'string' ? auth.token : tokenFrom(socket.handshake.headers.authorization, cookies[SESSION_COOKIE]);
    if (!token) return next(new Error('unauthorized: no token'));
    app.sessions.resolve(token).then((user) => {
      if (!user) return next(new Error('unauthorized: unknown or expired token'));
      socket.data.user = user;
      next();
    }, () => next(new Error('unauthorized')));
  });

  // Kept current when an imported districts layer replaces the live one.
  const districtCodes = app.geo.layers.districts.features.map((f) => f.properties.code);
  app.onGeoChanged((_, geo) => { districtCodes.splice(0, districtCodes.length, ...geo.layers.districts.features.map((f) => f.properties.code)); });
  const onPatrols = patrolHandlers({ live: app.live, districtCodes, tickMs: opts.tickMs, commands });
  const onCases = caseHandlers({ cases: app.cases, commands });
  const onPhone = patrolPhoneHandlers({ live: app.live, ingest: app.ingest, commands });

  io.on('connection', (socket) => {
    const user = socket.data.user;
    if (user.role === 'patrol') {
      if (user.patrolId) void socket.join(rooms.patrol(user.patrolId));
    } else {
      void socket.join(rooms.cases);
    }
    socket.on('session:whoami', (ack) => { if (typeof ack === 'function') ack({ data: user }); });
    onPatrols(socket);
    onCases(socket);
    onPhone(socket);
  });

  // The bus carries only events written on this node; the adapter carries them to the others.
  app.caseBus.on('event', (event) => {
    io.to(rooms.cases).emit('case:changed', event);
    if (event.case.patrolId) io.to(rooms.patrol(event.case.patrolId)).emit('case:changed', event);
  });

  const allPositionRooms = () => [rooms.allPositions, ...[...districtCodes, OUTSIDE_DISTRICT].map(rooms.positions)];
  app.live.onRegistered((rec) => {
    io.to(allPositionRooms()).emit('patrols:registered', [app.live.toPatrol(rec, Date.now())]);
  });

  const tick = setInterval(() => {
    const now = Date.now();
    const changes = app.live.collectChanges(now, OUTSIDE_DISTRICT);
    app.live.refreshIndex();
    if (changes.size) {
      const all = encodeFrame([...changes.values()].flat(), now);
      app.metrics.frameBytes.observe(all.length);
      io.to(rooms.allPositions).volatile.emit('patrols:frame', all);
    }
    // Displays of one district (or a few): reliable, since one socket may get several of these.
    for (const [district, fixes] of changes) {
      io.to(rooms.positions(district)).emit('patrols:frame', encodeFrame(fixes, now));
    }
    cluster?.shareTick();
  }, opts.tickMs);
  tick.unref();

  let casesChanged = true;
  app.caseBus.on('event', () => { casesChanged = true; });
  const statsTimer = setInterval(() => {
    if (!casesChanged) return;
    casesChanged = false;
    app.cases.stats().then((s) => io.to(rooms.cases).emit('stats:updated', s), (err) => app.log.error({ err }, 'stats failed'));
  }, STATS_MS);
  statsTimer.unref();

  // Draining: no more ticks; every socket is told to go (its client reconnects, through the load
  // balancer, to a node that is up), and commands already running get to write and answer.
  app.addHook('preClose', async () => {
    clearInterval(tick);
    clearInterval(statsTimer);
    const sockets = io.of('/').sockets.size;
    io.disconnectSockets(true);
    await commands.settled();
    app.log.info({ sockets }, 'sockets drained');
  });
  app.addHook('onClose', async () => { await io.close(); });
}, { name: 'realtime', dependencies: ['auth', 'live', 'cases', 'geo', 'metrics', 'redis'] });
