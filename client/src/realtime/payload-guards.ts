// Types do not validate: everything that arrives on the socket is checked against the shared
// schemas before a store sees it.
import Value from 'typebox/value';
import Type from 'typebox';
import { CaseEvent, CaseStats } from '@cw/shared/schemas/cases';
import { Patrol } from '@cw/shared/schemas/patrols';
import type { CatchUp, PatrolSnapshot } from '@cw/shared/realtime/events';
import { PatrolDirectory } from '@cw/shared/realtime/patrol-directory';
import { LayersChanged } from '@cw/shared/schemas/imports';

const PatrolList = Type.Array(Patrol);
const CatchUpSchema = Type.Object({ events: Type.Array(CaseEvent), lastSeq: Type.Integer(), complete: Type.Boolean() });

export function isBinaryFrame(x: unknown): x is ArrayBuffer | Uint8Array {
  return x instanceof ArrayBuffer || x instanceof Uint8Array;
}

export const isCaseEvent = (x: unknown): x is CaseEvent => Value.Check(CaseEvent, x);
export const isCaseStats = (x: unknown): x is CaseStats => Value.Check(CaseStats, x);
export const isPatrolList = (x: unknown): x is Patrol[] => Value.Check(PatrolList, x);
export const isCatchUp = (x: unknown): x is CatchUp => Value.Check(CatchUpSchema, x);
export const isPatrolDirectory = (x: unknown): x is PatrolDirectory => Value.Check(PatrolDirectory, x);
export const isLayersChanged = (x: unknown): x is LayersChanged => Value.Check(LayersChanged, x);

export function isPatrolSnapshot(x: unknown): x is PatrolSnapshot {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  return isPatrolList(s.patrols) && isBinaryFrame(s.frame) && typeof s.tickMs === 'number' && s.tickMs > 0;
}
