// Displays subscribe to the districts they show; they get a full snapshot now and frames per tick.
// A display that loads the patrols' directory over HTTP (routes/patrol-directory.ts) asks for the
// snapshot without it: then the acknowledgement is one frame (~9 B a patrol), not 270 B a patrol.
import Type from 'typebox';
import { encodeFrame } from '@cw/shared/realtime/patrol-frame';
import { OUTSIDE_DISTRICT, rooms, type PatrolSnapshot } from '@cw/shared/realtime/events';
import { PhonePositionSchema } from '@cw/shared/schemas/patrols';
import type { LivePatrols } from '../patrols/live-patrols.ts';
import type { PositionIngest } from '../ingest/position-ingest.ts';
import { DomainError } from '../domain-error.ts';
import type { SocketCommands } from './ack.ts';
import { payloadValidator } from './validate.ts';
import type { IoSocket } from './io-types.ts';

const Subscription = Type.Object(
  {
    districts: Type.Optional(Type.Array(Type.String({ pattern: '^(\\d{6}|outside)$' }), { maxItems: 50 })),
    directory: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const checkSubscription = payloadValidator(Subscription);

export interface PatrolHandlerDeps {
  live: LivePatrols;
  districtCodes: readonly string[];
  tickMs: number;
  commands: SocketCommands;
  now?: () => number;
}

export function patrolHandlers(d: PatrolHandlerDeps) {
  const now = d.now ?? Date.now;
  const all = [...d.districtCodes, OUTSIDE_DISTRICT];
  return (socket: IoSocket) => {
    socket.on('patrols:subscribe', (sub, ack) => d.commands.answer(ack, async (): Promise<PatrolSnapshot> => {
      if (socket.data.user.role === 'patrol') throw new DomainError('forbidden', 'patrol accounts see their own tasks only');
      const { districts, directory } = checkSubscription(sub ?? {});
      const wanted = districts?.length ? districts : all;
      const everything = all.every((d) => wanted.includes(d));
      for (const room of socket.rooms) if (room.startsWith('positions:')) await socket.leave(room);
      // A display gets exactly one frame per tick when it shows everything: several volatile frames
      // written in the same tick would find the socket busy and all but the first would be dropped.
      await socket.join(everything ? rooms.allPositions : wanted.map(rooms.positions));
      const t = now();
      const wantedSet = new Set(wanted);
      return {
        patrols: directory === false ? [] : d.live.list(t),
        frame: encodeFrame(d.live.snapshot(t, OUTSIDE_DISTRICT, wantedSet), t, true),
        tickMs: d.tickMs,
      };
    }));
  };
}

const checkPhonePosition = payloadValidator(PhonePositionSchema);

/** A patrol's own phone reports its position over the socket it is already connected with. */
export function patrolPhoneHandlers(d: { live: LivePatrols; ingest: PositionIngest; commands: SocketCommands }) {
  return (socket: IoSocket) => {
    socket.on('patrol:report-position', (fix, ack) => d.commands.answer(ack, async () => {
      const user = socket.data.user;
      if (user.role !== 'patrol' || !user.patrolId) throw new DomainError('forbidden', 'only a patrol account shares its position');
      const p = checkPhonePosition(fix);
      const patrol = d.live.byPatrolId(user.patrolId);
      if (!patrol) throw new DomainError('not_found', `patrol ${user.patrolId} is not registered`);
      const r = await d.ingest.accept({
        deviceId: patrol.deviceId, lon: p.lon, lat: p.lat, time: Math.min(p.time, Date.now()),
        speed: p.speed ?? 0, heading: p.heading ?? 0, accuracy: p.accuracy ?? null, altitude: null, battery: null,
      });
      if (!r.ok) throw new DomainError('bad_request', r.reason);
      return { accepted: true as const };
    }));
  };
}
