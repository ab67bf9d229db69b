import Type from 'typebox';

export const Lon = Type.Number({ minimum: -180, maximum: 180 });
export const Lat = Type.Number({ minimum: -90, maximum: 90 });
/** The largest time a JavaScript Date holds; also far inside PostgreSQL's BIGINT, so a huge number
 *  is refused as a 400 instead of overflowing a column. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;
/** Epoch milliseconds. Times travel as numbers so countdowns need no parsing. */
export const EpochMs = Type.Integer({ minimum: 0, maximum: MAX_EPOCH_MS });
/** Offsets and sequence numbers: exact in a JavaScript number and in a BIGINT. */
export const Count = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  code: Type.Optional(Type.String()),
});
export type ErrorBody = Type.Static<typeof ErrorBody>;

const DependencyState = Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('off')]);
/** /api/health and /api/ready: overall status, then each dependency ('off' = not configured). */
export const HealthBody = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('unavailable')]),
  store: DependencyState,
  redis: DependencyState,
});
