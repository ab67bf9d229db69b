import Type from 'typebox';
import { EpochMs, Lat, Lon } from './common.ts';

export const PatrolKindSchema = Type.Union([
  Type.Literal('grid_member'),
  Type.Literal('urban_officer'),
  Type.Literal('traffic_police'),
  Type.Literal('volunteer'),
]);

export const PatrolStatusSchema = Type.Union([Type.Literal('online'), Type.Literal('stale'), Type.Literal('offline')]);

export const LastPosition = Type.Object({
  lon: Lon,
  lat: Lat,
  time: EpochMs,
  /** m/s */
  speed: Type.Number(),
  /** degrees clockwise from north, 0–360 */
  heading: Type.Number(),
});
export type LastPosition = Type.Static<typeof LastPosition>;

/** A patrol as the directory knows it; `index` is the small integer used in position frames. */
export const Patrol = Type.Object({
  id: Type.String(),
  index: Type.Integer({ minimum: 0 }),
  deviceId: Type.String(),
  name: Type.String(),
  kind: PatrolKindSchema,
  unit: Type.String(),
  district: Type.Union([Type.String(), Type.Null()]),
  street: Type.Union([Type.String(), Type.Null()]),
  status: PatrolStatusSchema,
  busy: Type.Boolean(),
  position: Type.Union([LastPosition, Type.Null()]),
});
export type Patrol = Type.Static<typeof Patrol>;

export const PatrolList = Type.Object({ patrols: Type.Array(Patrol) });

/** One position in the batched gateway ingest. */
export const PositionReport = Type.Object(
  {
    deviceId: Type.String({ minLength: 1, maxLength: 64 }),
    lon: Lon,
    lat: Lat,
    time: Type.Optional(EpochMs),
    speed: Type.Optional(Type.Number({ minimum: 0, maximum: 150 })),
    heading: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
    accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
    altitude: Type.Optional(Type.Number({ minimum: -1000, maximum: 10000 })),
    battery: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type PositionReport = Type.Static<typeof PositionReport>;

export const PositionBatch = Type.Object(
  { positions: Type.Array(PositionReport, { minItems: 1, maxItems: 10000 }) },
  { additionalProperties: false },
);
export const PositionBatchReply = Type.Object({
  accepted: Type.Integer(),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), reason: Type.String() })),
});

/** What a patrol phone shares from the browser's Geolocation API. */
export const PhonePositionSchema = Type.Object(
  {
    lon: Lon,
    lat: Lat,
    time: EpochMs,
    accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
    speed: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 150 }), Type.Null()])),
    heading: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 360 }), Type.Null()])),
  },
  { additionalProperties: false },
);
