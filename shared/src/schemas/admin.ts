import Type from 'typebox';
import { Role } from './auth.ts';
import { PatrolKindSchema } from './patrols.ts';

export const CaseCategorySchema = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
  zh: Type.String({ minLength: 1, maxLength: 40 }),
  en: Type.String({ minLength: 1, maxLength: 80 }),
  item: Type.String({ pattern: '^A\\d{2}$' }),
  unit: Type.String({ minLength: 1, maxLength: 40 }),
  limitHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 365 }),
  urgent: Type.Boolean(),
  handledBy: Type.Array(PatrolKindSchema, { minItems: 1, maxItems: 4, uniqueItems: true }),
  weight: Type.Number({ minimum: 0, maximum: 1000 }),
}, { additionalProperties: false });

export const TaxonomyBody = Type.Object({
  categories: Type.Array(CaseCategorySchema, { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });
export type TaxonomyBody = Type.Static<typeof TaxonomyBody>;

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Clock = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
export const CalendarBody = Type.Object({
  hours: Type.Array(Type.Tuple([Clock, Clock]), { minItems: 1, maxItems: 6 }),
  holidays: Type.Array(Day, { maxItems: 400 }),
  workdays: Type.Array(Day, { maxItems: 400 }),
}, { additionalProperties: false });
export type CalendarBody = Type.Static<typeof CalendarBody>;

export const UserView = Type.Object({
  username: Type.String(),
  role: Role,
  patrolId: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  createdAt: Type.Integer(),
});

export const NewUser = Type.Object({
  username: Type.String({ pattern: '^[a-zA-Z0-9_.-]{2,32}$' }),
  password: Type.String({ minLength: 8, maxLength: 256 }),
  role: Role,
  /** Required for role patrol: the patrol the account is. */
  patrolId: Type.Optional(Type.String({ maxLength: 80 })),
  disabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type NewUser = Type.Static<typeof NewUser>;
