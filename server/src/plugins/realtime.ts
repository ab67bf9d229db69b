// Socket.IO on the app's HTTP server: authenticates every connection, puts it in the rooms its role
// may see, and once per tick sends each position room one binary frame of what changed.
import fp from 'fastify-plugin';
import { Server } from 'socket.io';

import { encodeFrame } from '@cw/shared/realtime/patrol-frame';
import { OUTSIDE_DISTRICT, rooms } from '@cw/shared/realtime/events';
import { SESSION_COOKIE, tokenFrom } from './auth.ts';
import { patrolHandlers, patrolPhoneHandlers } from '../realtime/patrol-handlers.ts';
import { caseHandlers } from '../realtime/case-handlers.ts';
import type { IoServer } from '../realtime/io-types.ts';

declare module 'fastify' {
  interface FastifyInstance {
    io: IoServer;
    /** Counters for metrics and benchmarks. */
    realtimeStats: { frames: number; frameBytes: number; fixes: number };
  }
}

const STATS_MS = 5000;

export default fp<{ tickMs: number }>(async (app, opts) => {
  const io: IoServer = new Server(app.server, {
    path: '/socket.io',
    serveClient: false,
    // Off so a broadcast is encoded once for all recipients; the frames are compact already.
    perMessageDeflate: false,
    maxHttpBufferSize: 1_000_000,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });
  app.decorate('io', io);
  const stats = { frames: 0, frameBytes: 0, fixes: 0 };
  app.decorate('realtimeStats', stats);

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

  const districtCodes = app.geo.layers.districts.features.map((f) => f.properties.code);
  const onPatrols = patrolHandlers({ live: app.live, districtCodes, tickMs: opts.tickMs, log: app.log });
  const onCases = caseHandlers({ cases: app.cases, log: app.log });
  const onPhone = patrolPhoneHandlers({ live: app.live, ingest: app.ingest, log: app.log });

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

  app.caseBus.on('event', (event) => {
    io.to(rooms.cases).emit('case:changed', event);
    if (event.case.patrolId) io.to(rooms.patrol(event.case.patrolId)).emit('case:changed', event);
  });

  const allPositionRooms = () => [...districtCodes, OUTSIDE_DISTRICT].map(rooms.positions);
  app.live.onRegistered((rec) => {
    io.to(allPositionRooms()).emit('patrols:registered', [app.live.toPatrol(rec, Date.now())]);
  });

  const tick = setInterval(() => {
    const now = Date.now();
    for (const [district, fixes] of app.live.collectChanges(now, OUTSIDE_DISTRICT)) {
      const frame = encodeFrame(fixes, now);
      stats.frames++;
      stats.frameBytes += frame.length;
      stats.fixes += fixes.length;
      io.to(rooms.positions(district)).volatile.emit('patrols:frame', frame);
    }
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

  app.addHook('preClose', async () => {
    clearInterval(tick);
    clearInterval(statsTimer);
    io.disconnectSockets(true);
  });
  app.addHook('onClose', async () => { await io.close(); });
}, { name: 'realtime', dependencies: ['auth', 'live', 'cases', 'geo'] });
