// One historical case's whole life, as the case service would have recorded it: the created event,
// every transition the lifecycle table allows (受理 → 派遣 → 处置 → 反馈 → 核查 → 结案, with the
// detours real cases take: 立案 first, 作废, 退回, 缓办, 核查不通过), and the 督办 escalations the
// sweep would have written while the case sat open past its deadline.
//
// One deliberate gap: history writes no photos (a year of after-photos would be gigabytes of
// placeholders), so report_done events carry no after-photo, which the live service requires.
import { isOpen, type CaseState, type EscalationLevel } from '@cw/shared/domain/case';
import type { CaseAction } from '@cw/shared/domain/case-lifecycle';
import type { CaseCategory } from '@cw/shared/domain/taxonomy';
import type { CaseEventType } from '@cw/shared/schemas/cases';
import { escalationLevelAt, stepHoursFor, ESCALATION_GRID_LEVEL } from '@cw/shared/domain/escalation';
import { addLimitHours, deadlineFor } from '@cw/shared/domain/time-limit';
import { GRID_LEVEL_LABEL } from '@cw/shared/domain/places';
import type { WorkCalendar } from '@cw/shared/domain/work-calendar';
import { gauss } from './hot-spots.ts';

export interface LifeInput {
  createdAt: number;
  category: CaseCategory;
  /** Responsible unit at first dispatch, and the one a returned case goes to next. */
  unit: string;
  fallbackUnit: string;
  reporter: string;
  officer: string;
  /** A patrol to dispatch to (called once per dispatch). */
  patrol: () => string;
  /** Multiplies the handling time: the unit's and street's pace, faster during campaigns. */
  pace: number;
  /** Chance that verification fails and the work is redone (返工). */
  reworkChance: number;
  calendar: WorkCalendar;
}

/** What the case looks like after a step. */
export interface CaseStateAfter {
  state: CaseState;
  unit: string;
  patrolId: string | null;
  closedAt: number | null;
  overdue: boolean;
  escalation: EscalationLevel;
  deferredFrom: CaseState | null;
  deferredUntil: number | null;
}

/** One event of the case's trail and the case as it stands after it. A class with every field set
 *  in the constructor: a million cases make millions of these, and one shape keeps them cheap. */
export class LifeStep implements CaseStateAfter {
  state: CaseState;
  unit: string;
  patrolId: string | null;
  closedAt: number | null;
  overdue: boolean;
  escalation: EscalationLevel;
  deferredFrom: CaseState | null;
  deferredUntil: number | null;

  constructor(prev: CaseStateAfter, readonly at: number, readonly type: CaseEventType, readonly action: CaseAction | null,
    readonly from: CaseState | null, readonly to: CaseState | null, readonly actor: string, readonly note: string | null) {
    this.state = to ?? prev.state;
    this.unit = prev.unit;
    this.patrolId = prev.patrolId;
    this.closedAt = prev.closedAt;
    this.overdue = prev.overdue;
    this.escalation = prev.escalation;
    this.deferredFrom = prev.deferredFrom;
    this.deferredUntil = prev.deferredUntil;
  }
}

export interface CaseLife {
  deadlineAt: number;
  steps: LifeStep[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REJECT_CHANCE = 0.03;
const REGISTER_FIRST_CHANCE = 0.4;
const DEFER_CHANCE = 0.015;
const RETURN_CHANCE = 0.03;
/** Median share of the time limit the handling takes, and its log-normal spread. */
const MEDIAN_SHARE = 0.4;
const SPREAD = 0.55;

/** Builds the trail step by step; `t` is the time of the last step. */
class Trail {
  readonly steps: LifeStep[] = [];
  t: number;

  constructor(private readonly input: LifeInput, private readonly rand: () => number) {
    this.t = input.createdAt;
    const start: CaseStateAfter = {
      state: 'reported', unit: input.unit, patrolId: null, closedAt: null, overdue: false, escalation: 0, deferredFrom: null, deferredUntil: null,
    };
    this.steps.push(new LifeStep(start, this.t, 'created', null, null, 'reported', input.reporter, null));
  }

  get last(): LifeStep {
    return this.steps[this.steps.length - 1]!;
  }

  /** A wait: a share of the time limit on the category's own clock (night reports of a
   *  working-hours category wait for the morning; urgent ones run round the clock), at least 30 s. */
  after(lo: number, hi: number): number {
    const { category, calendar } = this.input;
    const share = lo + this.rand() * (hi - lo);
    return Math.max(30_000, addLimitHours(this.t, category.limitHours * share, category.urgent, calendar) - this.t);
  }

  /** The handling itself: log-normal around the median share, slower or faster with the pace. */
  handling(share: number): number {
    const f = Math.min(8, share * Math.exp(Math.log(MEDIAN_SHARE * this.input.pace) + SPREAD * gauss(this.rand)));
    return this.after(f, f);
  }

  move(dt: number, action: CaseAction, to: CaseState, actor: string, note: string | null = null): LifeStep {
    this.t += dt;
    const step = new LifeStep(this.last, this.t, 'transitioned', action, this.last.state, to, actor, note);
    this.steps.push(step);
    return step;
  }
}

export function caseLife(input: LifeInput, rand: () => number): CaseLife {
  const deadlineAt = deadlineFor(input.category, input.createdAt, input.calendar);
  const trail = new Trail(input, rand);
  const officer = input.officer;
  if (rand() < REJECT_CHANCE) {
    const s = trail.move(trail.after(0.02, 0.2), 'reject', 'rejected', officer, '重复上报或不属于受理范围');
    s.closedAt = s.at;
    return { deadlineAt, steps: trail.steps };
  }
  const deferred = rand() < DEFER_CHANCE;
  if (deferred || rand() < REGISTER_FIRST_CHANCE) trail.move(trail.after(0.01, 0.05), 'register', 'registered', officer);
  if (deferred) {
    const until = trail.t + Math.round((2 + rand() * 6) * DAY);
    const d = trail.move(trail.after(0.02, 0.1), 'defer', 'deferred', officer, '需多部门协调，缓办');
    d.deferredFrom = 'registered';
    d.deferredUntil = until;
    const r = trail.move(Math.max(until - trail.t, 0) + Math.round(rand() * 4 * HOUR), 'resume', 'registered', officer);
    r.deferredFrom = null;
    r.deferredUntil = null;
  }
  let patrol = input.patrol();
  const d = trail.move(trail.after(0.02, 0.1), 'dispatch', 'dispatched', officer);
  d.patrolId = patrol;
  if (rand() < RETURN_CHANCE) {
    trail.move(trail.after(0.05, 0.2), 'return', 'returned', patrol, '非本单位职责').patrolId = null;
    patrol = input.patrol();
    const again = trail.move(trail.after(0.02, 0.1), 'dispatch', 'dispatched', officer);
    again.patrolId = patrol;
    again.unit = input.fallbackUnit;
  }
  trail.move(trail.after(0.01, 0.06), 'acknowledge', 'in_progress', patrol);
  trail.move(trail.handling(1), 'report_done', 'feedback', patrol);
  if (rand() < input.reworkChance) {
    trail.move(trail.after(0.02, 0.12), 'verify_fail', 'in_progress', officer, '整改不到位，退回重新处置');
    trail.move(trail.handling(0.3), 'report_done', 'feedback', patrol);
  }
  trail.move(trail.after(0.02, 0.12), 'verify_pass', 'verified', officer);
  const closed = trail.move(trail.after(0.01, 0.05), 'close', 'closed', officer);
  closed.closedAt = closed.at;
  return { deadlineAt, steps: withEscalations(trail.steps, input, deadlineAt, rand) };
}

/** The 督办 events the escalation sweep (every 15 s) would have written while the case was open
 *  past its deadline, merged into the steps, with overdue/escalation carried forward. */
function withEscalations(steps: LifeStep[], input: LifeInput, deadlineAt: number, rand: () => number): LifeStep[] {
  const last = steps[steps.length - 1]!;
  const end = isOpen(last.state) ? Infinity : last.at;
  const deferrals = steps.filter((s) => s.action === 'defer' || s.action === 'resume');
  if (end <= deadlineAt && !deferrals.length) return steps;

  const { category, calendar } = input;
  const stepH = stepHoursFor(category.limitHours);
  const levelsFrom = (first: number) => {
    const second = addLimitHours(first, stepH, category.urgent, calendar);
    return [first, second, addLimitHours(second, stepH, category.urgent, calendar)];
  };
  const candidates = new Set(levelsFrom(deadlineAt));
  for (const s of deferrals) {
    if (s.action === 'defer') for (const x of levelsFrom(Math.max(deadlineAt, s.deferredUntil!))) candidates.add(x);
    else candidates.add(s.at);
  }
  const stateAt = (t: number): LifeStep => {
    let k = 0;
    while (k + 1 < steps.length && steps[k + 1]!.at <= t) k++;
    return steps[k]!;
  };
  const escalations: { at: number; level: EscalationLevel }[] = [];
  let level: EscalationLevel = 0;
  for (const c of [...candidates].sort((a, b) => a - b)) {
    if (c >= end || level === 3) continue;
    const s = stateAt(c);
    const due = escalationLevelAt({ state: s.state, deadlineAt, categoryLimitHours: category.limitHours, urgent: category.urgent, deferredUntil: s.deferredUntil }, c, calendar);
    if (due <= level) continue;
    const at = c + 1000 + Math.floor(rand() * 14_000);
    if (at >= end || !isOpen(stateAt(at).state)) continue;
    escalations.push({ at, level: due });
    level = due;
  }
  if (!escalations.length) return steps;

  const merged: LifeStep[] = [];
  let k = 0;
  for (const s of steps) {
    while (k < escalations.length && escalations[k]!.at < s.at) merged.push(escalated(merged[merged.length - 1]!, escalations[k++]!));
    const prev = merged[merged.length - 1];
    if (prev) { s.overdue = prev.overdue; s.escalation = prev.escalation; }
    merged.push(s);
  }
  while (k < escalations.length) merged.push(escalated(merged[merged.length - 1]!, escalations[k++]!));
  return merged;
}

function escalated(prev: LifeStep, e: { at: number; level: EscalationLevel }): LifeStep {
  const note = `超时督办 → ${GRID_LEVEL_LABEL[ESCALATION_GRID_LEVEL[e.level as 1 | 2 | 3]].zh}`;
  const step = new LifeStep(prev, e.at, 'escalated', null, null, null, 'system', note);
  step.overdue = true;
  step.escalation = e.level;
  return step;
}
