// The case document (the JSON the store keeps in cases.doc and every event snapshot) written with
// string templates: the fixed part of a case is encoded once, each snapshot only appends what a
// step changes. JSON.stringify per snapshot was the single biggest cost of generating history.
import type { Case } from '@cw/shared/schemas/cases';
import type { CaseStateAfter } from './case-life.ts';

export type FixedFields = Pick<Case, 'id' | 'code' | 'category' | 'item' | 'priority' | 'source' | 'lon' | 'lat' | 'cell' | 'community'
  | 'street' | 'district' | 'description' | 'address' | 'reporter' | 'createdAt' | 'deadlineAt' | 'photos'>;

const str = (s: string | null) => (s === null ? 'null' : JSON.stringify(s));

/** The opening of every snapshot of one case: its fixed fields, ending in a comma. */
export function fixedJson(c: FixedFields): string {
  return `{"id":${str(c.id)},"code":${str(c.code)},"category":${str(c.category)},"item":${str(c.item)},`
    + `"priority":${str(c.priority)},"source":${str(c.source)},"lon":${c.lon},"lat":${c.lat},"cell":${str(c.cell)},`
    + `"community":${str(c.community)},"street":${str(c.street)},"district":${str(c.district)},`
    + `"description":${str(c.description)},"address":${str(c.address)},"reporter":${str(c.reporter)},`
    + `"createdAt":${c.createdAt},"deadlineAt":${c.deadlineAt},"photos":${JSON.stringify(c.photos)},`;
}

/** The rest of a snapshot after the fixed opening: the state after a step. */
export function snapshotTail(s: CaseStateAfter, updatedAt: number, version: number): string {
  return `"state":"${s.state}","unit":${str(s.unit)},"patrolId":${str(s.patrolId)},"updatedAt":${updatedAt},`
    + `"closedAt":${s.closedAt ?? 'null'},"overdue":${s.overdue},"escalation":${s.escalation},`
    + `"deferredFrom":${s.deferredFrom === null ? 'null' : `"${s.deferredFrom}"`},"deferredUntil":${s.deferredUntil ?? 'null'},"version":${version}}`;
}

/** A full snapshot: the fixed opening plus the state after a step. */
export function snapshotJson(fixed: string, s: CaseStateAfter, updatedAt: number, version: number): string {
  return fixed + snapshotTail(s, updatedAt, version);
}
