// REST shapes of the admin's Open311 key screen (/api/v1/admin/open311-keys).
import Type from 'typebox';

export const Open311KeyBody = Type.Object(
  // The label becomes part of the reporter name `open311:<label>`, so it stays a plain word.
  { label: Type.String({ pattern: '^[\\p{L}\\p{N}._-]{1,40}$', description: 'who the key is for, e.g. 12345-hotline' }) },
  { additionalProperties: false },
);

export const Open311Key = Type.Object({
  id: Type.String(),
  label: Type.String(),
  createdAt: Type.Integer(),
  revokedAt: Type.Union([Type.Integer(), Type.Null()]),
  /** Only in the reply that issues it. */
  key: Type.Optional(Type.String()),
});
export type Open311Key = Type.Static<typeof Open311Key>;
