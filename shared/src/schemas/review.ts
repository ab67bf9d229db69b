// The review API's contract (/api/v1/review/*): query strings, bodies and replies. The server
// validates with these schemas and the /review page types its calls from them.
import Type from 'typebox';
import { EpochMs } from './common.ts';

const CodeList = (what: string) => Type.Optional(Type.String({ maxLength: 4000, description: `comma-separated ${what} codes` }));

export const FilterQuery = {
  category: CodeList('case category'),
  item: CodeList('assessment item'),
  state: CodeList('case state'),
  district: CodeList('district'),
  street: CodeList('street'),
  community: CodeList('community'),
  unit: CodeList('responsible unit'),
  source: CodeList('case source'),
};

const Window = { from: EpochMs, to: EpochMs };
const Level = Type.Union([Type.Literal('district'), Type.Literal('street'), Type.Literal('community'), Type.Literal('cell')]);
const Scale = Type.Optional(Type.Integer({ minimum: 1, maximum: 16, description: 'heat bin size in multiples of 0.001°: 1, 2, 4, 8 or 16' }));
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Ints = Type.Array(Type.Integer());

export const ChoroplethQuery = Type.Object({
  ...Window, ...FilterQuery, level: Level,
  metric: Type.Optional(Type.Union([Type.Literal('count'), Type.Literal('overdue_rate'), Type.Literal('mean_handling')])),
}, { additionalProperties: false });
export const ChoroplethReply = Type.Object({
  level: Type.String(), metric: Type.String(),
  /** Selected cases, including any outside every area of the level. */
  total: Type.Integer(),
  ids: Ints, values: Type.Array(Nullable(Type.Number())), counts: Ints,
});

export const HeatQuery = Type.Object({ ...Window, ...FilterQuery, scale: Scale }, { additionalProperties: false });
export const HeatReply = Type.Object({ total: Type.Integer(), res: Type.Number(), lon0: Type.Number(), lat0: Type.Number(), bins: Ints });

export const CompareQuery = Type.Object({
  aFrom: EpochMs, aTo: EpochMs, bFrom: EpochMs, bTo: EpochMs, ...FilterQuery, level: Level,
}, { additionalProperties: false });
export const CompareReply = Type.Object({
  level: Type.String(), totals: Ints, days: Type.Array(Type.Number()), ids: Ints, a: Ints, b: Ints,
});

export const SeriesQuery = Type.Object({
  ...Window, ...FilterQuery, scale: Scale,
  level: Type.Union([Type.Literal('district'), Type.Literal('street'), Type.Literal('community'), Type.Literal('cell'), Type.Literal('bin')]),
}, { additionalProperties: false });
export const SeriesReply = Type.Object({
  level: Type.String(), firstDay: EpochMs, days: Type.Integer(), totals: Ints,
  /** For level 'bin': bins per row of the heat grid at the scale (area = y · binColumns + x). */
  binColumns: Nullable(Type.Integer()),
  res: Nullable(Type.Number()),
  triples: Ints,
});

const RankNumbers = {
  cases: Type.Integer(), closed: Type.Integer(), open: Type.Integer(), overdueOpen: Type.Integer(), onTime: Type.Integer(),
  onTimeRate: Nullable(Type.Number()), meanHandlingMs: Nullable(Type.Number()), p90HandlingMs: Nullable(Type.Number()),
  reopened: Type.Integer(), reopenRate: Nullable(Type.Number()),
};
export const RankRowSchema = Type.Object({ code: Type.String(), name: Type.String(), ...RankNumbers });
export const RankingsQuery = Type.Object({
  ...Window, ...FilterQuery,
  level: Type.Union([Type.Literal('district'), Type.Literal('street'), Type.Literal('community'), Type.Literal('unit')]),
  sort: Type.Optional(Type.Union([Type.Literal('cases'), Type.Literal('onTimeRate'), Type.Literal('meanHandlingMs'),
    Type.Literal('p90HandlingMs'), Type.Literal('reopenRate'), Type.Literal('overdueOpen')])),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
}, { additionalProperties: false });
export const RankingsReply = Type.Object({ level: Type.String(), rows: Type.Array(RankRowSchema) });

export const AreasCsvQuery = Type.Object({ ...Window, ...FilterQuery, level: Level }, { additionalProperties: false });

export const AssessmentQuery = Type.Object({
  ...FilterQuery, weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })),
}, { additionalProperties: false });
const StandardSchema = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), text: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const TaxonomySchema = Type.Object({
  label: Type.String({ minLength: 1, maxLength: 200 }),
  sample: Type.Boolean(),
  items: Type.Array(Type.Object({
    code: Type.String({ minLength: 1, maxLength: 40 }),
    zh: Type.String({ minLength: 1, maxLength: 100 }),
    contents: Type.Array(Type.Object({
      code: Type.String({ minLength: 1, maxLength: 40 }),
      zh: Type.String({ minLength: 1, maxLength: 200 }),
      categories: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 }),
      standards: Type.Array(StandardSchema, { maxItems: 100 }),
    }, { additionalProperties: false }), { maxItems: 200 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
}, { additionalProperties: false });
export const AssessmentReply = Type.Object({
  label: Type.String(), sample: Type.Boolean(), weeks: Type.Array(EpochMs),
  items: Type.Array(Type.Object({
    code: Type.String(), zh: Type.String(), open: Type.Integer(), overdueOpen: Type.Integer(), created: Ints, closed: Ints,
    contents: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), open: Type.Integer(), overdueOpen: Type.Integer(), standards: Type.Array(StandardSchema) })),
  })),
});

export const SitesQuery = Type.Object({
  ...FilterQuery, radius: Type.Optional(Type.Integer({ minimum: 10, maximum: 1000 })),
}, { additionalProperties: false });
const SiteCategoryRow = Type.Object({ code: Type.String(), zh: Type.String(), sites: Type.Integer(), atRisk: Type.Integer(), open: Type.Integer(), overdueOpen: Type.Integer() });
const SiteRow = Type.Object({ id: Type.String(), name: Type.String(), category: Type.String(), street: Nullable(Type.String()), readiness: Type.String(), open: Type.Integer(), overdueOpen: Type.Integer() });
export const SitesReply = Type.Object({ radiusM: Type.Integer(), categories: Type.Array(SiteCategoryRow), sites: Type.Array(SiteRow) });

export const CoverageQuery = Type.Object({
  ...Window, level: Type.Optional(Type.Union([Type.Literal('street'), Type.Literal('community')])),
}, { additionalProperties: false });
export const CoverageReply = Type.Object({
  level: Type.String(), firstDay: EpochMs, days: Type.Integer(),
  ids: Ints, cells: Ints, visited: Ints,
  /** Unit cells visited in the window (cell numbers). */
  visitedCells: Ints,
});
export const StaleQuery = Type.Object({ days: Type.Integer({ minimum: 1, maximum: 90 }) }, { additionalProperties: false });
export const StaleReply = Type.Object({ days: Type.Integer(), asOf: EpochMs, cells: Ints, lastVisit: Type.Array(Nullable(EpochMs)) });

export const PatrolStatusReply = Type.Object({
  asOf: EpochMs,
  patrols: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), kind: Type.String(), unit: Type.String(), street: Nullable(Type.String()),
    status: Type.String(), lastFixAt: Nullable(EpochMs),
  })),
});

export const RoadShiftSchema = Type.Object({
  section: Type.String({ minLength: 1, maxLength: 40 }),
  weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 }),
  start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  team: Type.String({ minLength: 1, maxLength: 100 }),
  staff: Type.Integer({ minimum: 1, maximum: 100 }),
}, { additionalProperties: false });
export const ShiftsBody = Type.Object({ shifts: Type.Array(RoadShiftSchema, { maxItems: 5000 }) }, { additionalProperties: false });
export const ShiftsReply = Type.Object({ sample: Type.Boolean(), shifts: Type.Array(RoadShiftSchema) });
export const DutyReply = Type.Object({
  at: EpochMs, radiusM: Type.Integer(),
  sections: Type.Array(Type.Object({
    section: Type.String(), name: Type.String(), unit: Type.String(), street: Nullable(Type.String()),
    shifts: Type.Array(RoadShiftSchema),
    present: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), unit: Type.String(), distanceM: Type.Integer() })),
    uncovered: Type.Boolean(),
  })),
});

export const ReplayQuery = Type.Object({
  ...Window, patrols: Type.String({ minLength: 1, maxLength: 2000, description: 'comma-separated patrol ids (at most 20)' }),
}, { additionalProperties: false });
export const ReplayReply = Type.Object({
  from: EpochMs, to: EpochMs,
  patrols: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), kind: Type.String(), unit: Type.String(),
    /** Flat [time, lon, lat, speed, heading, …] in time order. */
    points: Type.Array(Type.Number()),
  })),
  cases: Type.Array(Type.Object({
    id: Type.String(), patrolId: Type.String(), category: Type.String(), state: Type.String(),
    lon: Type.Number(), lat: Type.Number(), createdAt: EpochMs, closedAt: Nullable(EpochMs),
  })),
});

export const ReportQuery = Type.Object({ ...Window, ...FilterQuery }, { additionalProperties: false });
const Summary = Type.Object(RankNumbers);
export const ReportReply = Type.Object({
  from: EpochMs, to: EpochMs, generatedAt: EpochMs,
  filter: Type.Record(Type.String(), Type.Array(Type.String())),
  summary: Summary,
  /** The same numbers for the period of equal length just before. */
  previous: Summary,
  streets: Type.Array(RankRowSchema),
  units: Type.Array(RankRowSchema),
  items: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), open: Type.Integer(), overdueOpen: Type.Integer() })),
  coverage: Type.Object({ firstDay: EpochMs, days: Type.Integer(), cells: Type.Integer(), visited: Type.Integer() }),
  uncoveredSections: Type.Array(Type.Object({ section: Type.String(), name: Type.String(), unit: Type.String() })),
  sitesAtRisk: Type.Array(SiteRow),
});

const Named = Type.Object({ code: Type.String(), name: Type.String() });
export const MetaReply = Type.Object({
  districts: Type.Array(Named),
  streets: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), district: Nullable(Type.String()) })),
  communities: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), street: Nullable(Type.String()) })),
  cells: Type.Array(Type.String()),
  categories: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), item: Type.String(), unit: Type.String() })),
  items: Type.Array(Named),
  units: Type.Array(Named),
  states: Type.Array(Type.String()),
  sources: Type.Array(Type.String()),
  heat: Type.Object({ lon0: Type.Number(), lat0: Type.Number(), res: Type.Number(), width: Type.Integer(), height: Type.Integer(), scales: Ints }),
});

export type FilterQuery = { [K in keyof typeof FilterQuery]?: string };
export type ChoroplethReply = Type.Static<typeof ChoroplethReply>;
export type HeatReply = Type.Static<typeof HeatReply>;
export type CompareReply = Type.Static<typeof CompareReply>;
export type SeriesReply = Type.Static<typeof SeriesReply>;
export type RankRow = Type.Static<typeof RankRowSchema>;
export type RankingsReply = Type.Static<typeof RankingsReply>;
export type AssessmentReply = Type.Static<typeof AssessmentReply>;
export type SitesReply = Type.Static<typeof SitesReply>;
export type CoverageReply = Type.Static<typeof CoverageReply>;
export type StaleReply = Type.Static<typeof StaleReply>;
export type PatrolStatusReply = Type.Static<typeof PatrolStatusReply>;
export type RoadShift = Type.Static<typeof RoadShiftSchema>;
export type DutyReply = Type.Static<typeof DutyReply>;
export type ReplayReply = Type.Static<typeof ReplayReply>;
export type ReportReply = Type.Static<typeof ReportReply>;
export type MetaReply = Type.Static<typeof MetaReply>;
