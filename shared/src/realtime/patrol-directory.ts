// The patrols' directory a display needs to name what it draws: who each frame index is. It changes
// only when patrols register, so displays load it over HTTP (compressed, cached, revalidated by
// ETag) instead of inside the position snapshot, which then stays the size of one frame.
import Type from 'typebox';
import { PatrolKindSchema } from '../schemas/patrols.ts';

export const PatrolDirectoryEntry = Type.Object({
  id: Type.String(),
  /** The patrol's frame index (what position frames carry). */
  index: Type.Integer({ minimum: 0 }),
  name: Type.String(),
  kind: PatrolKindSchema,
  unit: Type.String(),
  street: Type.Union([Type.String(), Type.Null()]),
});
export type PatrolDirectoryEntry = Type.Static<typeof PatrolDirectoryEntry>;

export const PatrolDirectory = Type.Object({ patrols: Type.Array(PatrolDirectoryEntry) });
export type PatrolDirectory = Type.Static<typeof PatrolDirectory>;

export const PATROL_DIRECTORY_PATH = '/api/v1/patrols/directory';
