import Type from 'typebox';

export const Lon = Type.Number({ minimum: -180, maximum: 180 });
export const Lat = Type.Number({ minimum: -90, maximum: 90 });
/** Epoch milliseconds. Times travel as numbers so countdowns need no parsing. */
export const EpochMs = Type.Integer({ minimum: 0 });

export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  code: Type.Optional(Type.String()),
});
export type ErrorBody = Type.Static<typeof ErrorBody>;

export const HealthBody = Type.Object({ status: Type.Literal('ok') });
