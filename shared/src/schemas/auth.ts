import Type from 'typebox';

export const Role = Type.Union([
  Type.Literal('wall'),
  Type.Literal('dispatcher'),
  Type.Literal('leader'),
  Type.Literal('admin'),
  Type.Literal('patrol'),
]);
export type Role = Type.Static<typeof Role>;
export const ROLES: readonly Role[] = ['wall', 'dispatcher', 'leader', 'admin', 'patrol'];

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Type.Static<typeof LoginBody>;

export const SessionUser = Type.Object({
  username: Type.String(),
  role: Role,
  /** Set for patrol accounts: the patrol they are. */
  patrolId: Type.Optional(Type.String()),
});
export type SessionUser = Type.Static<typeof SessionUser>;

export const LoginReply = Type.Object({ token: Type.String(), user: SessionUser });
export type LoginReply = Type.Static<typeof LoginReply>;

export const DisplayTokenBody = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);
export const DisplayToken = Type.Object({
  id: Type.String(),
  label: Type.String(),
  createdAt: Type.Integer(),
  revokedAt: Type.Union([Type.Integer(), Type.Null()]),
  /** Only present in the reply that creates it. */
  token: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
});
export type DisplayToken = Type.Static<typeof DisplayToken>;
