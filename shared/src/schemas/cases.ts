import Type from 'typebox';
import { EpochMs, Lat, Lon } from './common.ts';

export const CaseStateSchema = Type.Union([
  Type.Literal('reported'), Type.Literal('registered'), Type.Literal('rejected'),
  Type.Literal('dispatched'), Type.Literal('in_progress'), Type.Literal('feedback'),
  Type.Literal('verified'), Type.Literal('closed'), Type.Literal('returned'), Type.Literal('deferred'),
]);
export const CasePrioritySchema = Type.Union([Type.Literal('normal'), Type.Literal('high'), Type.Literal('urgent')]);
export const CaseSourceSchema = Type.Union([
  Type.Literal('patrol'), Type.Literal('dispatcher'), Type.Literal('hotline'),
  Type.Literal('open311'), Type.Literal('simulator'),
]);

export const CasePhoto = Type.Object({
  id: Type.String(),
  /** before: as reported; after: the fix, sent with the handler's feedback. */
  stage: Type.Union([Type.Literal('before'), Type.Literal('after')]),
  createdAt: EpochMs,
  by: Type.String(),
});
export type CasePhoto = Type.Static<typeof CasePhoto>;

export const Case = Type.Object({
  id: Type.String(),
  /** Human code, e.g. AJ20261127-0042. */
  code: Type.String(),
  state: CaseStateSchema,
  category: Type.String(),
  /** Assessment item the category counts against. */
  item: Type.String(),
  /** Responsible unit code. */
  unit: Type.String(),
  priority: CasePrioritySchema,
  source: CaseSourceSchema,
  lon: Lon,
  lat: Lat,
  cell: Type.Union([Type.String(), Type.Null()]),
  community: Type.Union([Type.String(), Type.Null()]),
  street: Type.Union([Type.String(), Type.Null()]),
  district: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  address: Type.String(),
  reporter: Type.String(),
  patrolId: Type.Union([Type.String(), Type.Null()]),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  deadlineAt: EpochMs,
  closedAt: Type.Union([EpochMs, Type.Null()]),
  overdue: Type.Boolean(),
  escalation: Type.Integer({ minimum: 0, maximum: 3 }),
  photos: Type.Array(CasePhoto),
  /** Set while deferred (缓办): the state to resume into and the promised date. */
  deferredFrom: Type.Union([CaseStateSchema, Type.Null()]),
  deferredUntil: Type.Union([EpochMs, Type.Null()]),
  /** Bumped on every change; commands may carry it to refuse stale edits. */
  version: Type.Integer({ minimum: 1 }),
});
export type Case = Type.Static<typeof Case>;

export const CaseEventType = Type.Union([
  Type.Literal('created'), Type.Literal('transitioned'), Type.Literal('commented'),
  Type.Literal('photo'), Type.Literal('escalated'),
]);
export type CaseEventType = Type.Static<typeof CaseEventType>;

/** One entry of the append-only audit trail; `seq` is global and gap-free, so a client that
 *  reconnects asks for everything after the last seq it saw. */
export const CaseEvent = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  caseId: Type.String(),
  type: CaseEventType,
  at: EpochMs,
  actor: Type.String(),
  action: Type.Union([Type.String(), Type.Null()]),
  from: Type.Union([CaseStateSchema, Type.Null()]),
  to: Type.Union([CaseStateSchema, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  case: Case,
});
export type CaseEvent = Type.Static<typeof CaseEvent>;

export const CaseQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 200, description: 'comma-separated states' })),
    category: Type.Optional(Type.String({ maxLength: 400 })),
    district: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
    priority: Type.Optional(CasePrioritySchema),
    overdue: Type.Optional(Type.Boolean()),
    open: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    bbox: Type.Optional(Type.String({ pattern: '^-?[\\d.]+,-?[\\d.]+,-?[\\d.]+,-?[\\d.]+$' })),
    since: Type.Optional(EpochMs),
    until: Type.Optional(EpochMs),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 })),
  },
  { additionalProperties: false },
);
export type CaseQuery = Type.Static<typeof CaseQuery>;

export const CaseList = Type.Object({ total: Type.Integer(), cases: Type.Array(Case), lastSeq: Type.Integer() });
export type CaseList = Type.Static<typeof CaseList>;

export const NewCase = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 40 }),
    lon: Lon,
    lat: Lat,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    priority: Type.Optional(CasePrioritySchema),
    source: Type.Optional(CaseSourceSchema),
    /** Client-chosen id so a retried create (offline queue) is applied once. */
    clientRef: Type.Optional(Type.String({ minLength: 8, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type NewCase = Type.Static<typeof NewCase>;

/** Per-district and per-street counts for the wall's panels. */
export const CaseStats = Type.Object({
  open: Type.Integer(),
  overdue: Type.Integer(),
  closedToday: Type.Integer(),
  reportedToday: Type.Integer(),
  /** closed / (closed + open) over cases reported in the last 30 days, 0–1. */
  rectificationRate: Type.Number(),
  byDistrict: Type.Record(Type.String(), Type.Object({ open: Type.Integer(), overdue: Type.Integer(), closedToday: Type.Integer() })),
  byStreet: Type.Record(Type.String(), Type.Object({ open: Type.Integer(), overdue: Type.Integer(), closedToday: Type.Integer() })),
});
export type CaseStats = Type.Static<typeof CaseStats>;

// Spelled out as a tuple: a Union over a mapped array has the static type `never`.
const CaseActionSchema = Type.Union([
  Type.Literal('register'), Type.Literal('reject'), Type.Literal('dispatch'), Type.Literal('acknowledge'),
  Type.Literal('return'), Type.Literal('report_done'), Type.Literal('verify_pass'), Type.Literal('verify_fail'),
  Type.Literal('close'), Type.Literal('defer'), Type.Literal('resume'),
]);

/** A lifecycle command on one case (REST body, or socket payload with `id`). */
export const CaseCommand = Type.Object({
  action: CaseActionSchema,
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  patrolId: Type.Optional(Type.String({ maxLength: 80 })),
  unit: Type.Optional(Type.String({ maxLength: 40 })),
  afterPhotoId: Type.Optional(Type.String({ maxLength: 80 })),
  until: Type.Optional(EpochMs),
  /** Client-chosen id: a command replayed from an offline queue is applied once. */
  commandId: Type.Optional(Type.String({ minLength: 8, maxLength: 64 })),
}, { additionalProperties: false });
export type CaseCommand = Type.Static<typeof CaseCommand>;

export const CaseCommandMessage = Type.Object({
  id: Type.String({ pattern: '^AJ\\d{8}-\\d{5}$' }),
  command: CaseCommand,
}, { additionalProperties: false });
export type CaseCommandMessage = Type.Static<typeof CaseCommandMessage>;

/** A patrol the server proposes for a case: nearest available, own-grid preferred. */
export const Recommendation = Type.Object({
  patrolId: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  unit: Type.String(),
  distanceM: Type.Number(),
  etaS: Type.Number(),
  /** Responsible for the case's street (本网格). */
  responsible: Type.Boolean(),
  score: Type.Number(),
});
export type Recommendation = Type.Static<typeof Recommendation>;
