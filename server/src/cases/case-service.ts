// The cases service: every case command goes validate → transition → write (durable) → publish.
// Routes, socket handlers, Open311 and the simulator all come through here.
import type { Case, CaseEvent, CaseQuery, NewCase, CaseStats, CasePhoto } from '@cw/shared/schemas/cases';
import type { SessionUser } from '@cw/shared/schemas/auth';
import type { CaseSource, EscalationLevel } from '@cw/shared/domain/case';
import { transition, type CaseAction } from '@cw/shared/domain/case-lifecycle';
import { deadlineFor } from '@cw/shared/domain/time-limit';
import { escalationLevelAt } from '@cw/shared/domain/escalation';
import { ESCALATION_GRID_LEVEL } from '@cw/shared/domain/escalation';
import { GRID_LEVEL_LABEL } from '@cw/shared/domain/places';
import type { CaseRules } from '../settings/case-rules.ts';
import { ConflictError, UniqueViolation, type CasesRepo } from '../store/types.ts';
import type { Locator } from '../geo/locator.ts';
import { DomainError } from '../domain-error.ts';
import type { CaseBus } from './case-bus.ts';
import { chinaDayStart } from './case-code.ts';

export interface Actor {
  username: string;
  role: SessionUser['role'];
  patrolId?: string;
}

export interface TransitionCommand {
  action: CaseAction;
  expectedVersion?: number;
  reason?: string;
  patrolId?: string;
  unit?: string;
  afterPhotoId?: string;
  until?: number;
  /** Client-chosen id: a command replayed from an offline queue is applied once. */
  commandId?: string;
}

export interface CaseServiceDeps {
  repo: CasesRepo;
  locator: Locator;
  bus: CaseBus;
  rules: CaseRules;
  now?: () => number;
  /** Keeps the live registry's busy flags in step with assignments. */
  onAssignment?: (patrolId: string, busy: boolean) => void;
}

const BUSY_STATES = new Set<Case['state']>(['dispatched', 'in_progress']);

export class CaseService {
  private readonly now: () => number;

  constructor(private readonly d: CaseServiceDeps) {
    this.now = d.now ?? Date.now;
  }

  async create(input: NewCase, actor: Actor, source: CaseSource): Promise<CaseEvent> {
    if (input.clientRef) {
      const existing = await this.d.repo.getByClientRef(input.clientRef);
      if (existing) return this.replayCreated(existing);
    }
    const category = this.d.rules.category(input.category);
    if (!category) throw new DomainError('bad_request', `unknown category '${input.category}'`);
    if (!this.d.locator.nearServiceArea(input.lon, input.lat, 0.05)) {
      throw new DomainError('bad_request', `location ${input.lat},${input.lon} is outside the service area`);
    }
    const place = this.d.locator.locate(input.lon, input.lat);
    const now = this.now();
    const draft: Omit<Case, 'id' | 'code'> = {
      state: 'reported', category: category.code, item: category.item, unit: category.unit,
      priority: input.priority ?? (category.urgent ? 'urgent' : 'normal'), source,
      lon: input.lon, lat: input.lat, ...place,
      description: input.description ?? '', address: input.address ?? '', reporter: actor.username,
      patrolId: null, createdAt: now, updatedAt: now, deadlineAt: deadlineFor(category, now, this.d.rules.calendar),
      closedAt: null, overdue: false, escalation: 0, photos: [], deferredFrom: null, deferredUntil: null, version: 1,
    };
    try {
      const event = await this.d.repo.create(draft, { type: 'created', at: now, actor: actor.username, to: 'reported' }, input.clientRef);
      this.d.bus.emit('event', event);
      return event;
    } catch (err) {
      // Two retries of the same offline-queued create racing: the loser returns the winner's case.
      if (input.clientRef && err instanceof UniqueViolation) {
        const existing = await this.d.repo.getByClientRef(input.clientRef);
        if (existing) return this.replayCreated(existing);
      }
      throw err;
    }
  }

  private async replayCreated(c: Case): Promise<CaseEvent> {
    const events = await this.d.repo.events(c.id);
    return events[0]!;
  }

  async transition(id: string, cmd: TransitionCommand, actor: Actor): Promise<CaseEvent> {
    if (cmd.commandId) {
      const done = await this.d.repo.eventByCommand(cmd.commandId);
      if (done) return this.sameCommand(done, id, actor);
    }
    const current = await this.mustGet(id);
    if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== current.version) {
      throw new DomainError('conflict', `case ${id} changed since you loaded it (version ${current.version}, you had ${cmd.expectedVersion})`);
    }
    const now = this.now();
    const r = transition({
      state: current.state, action: cmd.action, role: actor.role, actorPatrolId: actor.patrolId ?? null,
      assignedPatrolId: current.patrolId, deferredFrom: current.deferredFrom, now,
      reason: cmd.reason, patrolId: cmd.patrolId, unit: cmd.unit, afterPhotoId: cmd.afterPhotoId, until: cmd.until,
    });
    if (!r.ok) throw new DomainError(r.code === 'forbidden' ? 'forbidden' : r.code === 'illegal_transition' ? 'conflict' : 'bad_request', r.message);
    if (cmd.action === 'report_done' && !current.photos.some((p) => p.id === cmd.afterPhotoId && p.stage === 'after')) {
      throw new DomainError('bad_request', `after-photo ${cmd.afterPhotoId} is not attached to case ${id}`);
    }
    const next: Case = {
      ...current,
      state: r.to,
      updatedAt: now,
      version: current.version + 1,
      closedAt: r.to === 'closed' || r.to === 'rejected' ? now : current.closedAt,
    };
    if (r.assign) { next.patrolId = r.assign.patrolId; next.unit = r.assign.unit; }
    if (r.clearAssignment) next.patrolId = null;
    if ('deferredFrom' in r && r.deferredFrom !== undefined) next.deferredFrom = r.deferredFrom;
    if ('deferredUntil' in r && r.deferredUntil !== undefined) next.deferredUntil = r.deferredUntil;
    const event = await this.write(next, current.version, {
      type: 'transitioned', at: now, actor: actor.username, action: cmd.action, from: current.state, to: r.to,
      note: cmd.reason ?? null, commandId: cmd.commandId ?? null,
    }, cmd.commandId);
    this.syncBusy(current, next);
    return event;
  }

  async comment(id: string, note: string, actor: Actor, commandId?: string): Promise<CaseEvent> {
    if (commandId) {
      const done = await this.d.repo.eventByCommand(commandId);
      if (done) return this.sameCommand(done, id, actor);
    }
    const current = await this.mustGet(id);
    const now = this.now();
    return this.write({ ...current, updatedAt: now, version: current.version + 1 }, current.version, {
      type: 'commented', at: now, actor: actor.username, note, commandId: commandId ?? null,
    }, commandId);
  }

  private sameCommand(done: CaseEvent, id: string, actor: Actor): CaseEvent {
    if (done.caseId !== id || done.actor !== actor.username) throw new DomainError('conflict', 'that command id was already used for another command');
    return done;
  }

  async attachPhoto(id: string, photo: CasePhoto, actor: Actor): Promise<CaseEvent> {
    const current = await this.mustGet(id);
    const now = this.now();
    return this.write({ ...current, photos: [...current.photos, photo], updatedAt: now, version: current.version + 1 }, current.version, {
      type: 'photo', at: now, actor: actor.username, note: `${photo.stage}:${photo.id}`,
    });
  }

  /** Marks open cases past their limit overdue and raises their 督办 level up the grid chain. */
  async escalateDue(): Promise<CaseEvent[]> {
    const now = this.now();
    const out: CaseEvent[] = [];
    for (const c of await this.d.repo.openPastDeadline(now, 500)) {
      const category = this.d.rules.category(c.category);
      if (!category) continue;
      const level = escalationLevelAt(
        { state: c.state, deadlineAt: c.deadlineAt, categoryLimitHours: category.limitHours, urgent: category.urgent, deferredUntil: c.deferredUntil },
        now, this.d.rules.calendar,
      );
      // A stored level never goes down: once a chief is answerable, they stay answerable.
      const nextLevel = Math.max(level, c.escalation) as EscalationLevel;
      const overdue = level > 0 || c.overdue;
      if (nextLevel === c.escalation && overdue === c.overdue) continue;
      const to = nextLevel > 0 ? GRID_LEVEL_LABEL[ESCALATION_GRID_LEVEL[nextLevel as 1 | 2 | 3]].zh : '';
      try {
        out.push(await this.write({ ...c, overdue, escalation: nextLevel, updatedAt: now, version: c.version + 1 }, c.version, {
          type: 'escalated', at: now, actor: 'system', note: `超时督办 → ${to}`,
        }));
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'conflict')) throw err;
      }
    }
    return out;
  }

  get(id: string): Promise<Case | null> { return this.d.repo.get(id); }
  list(q: CaseQuery) { return this.d.repo.list(q); }
  events(id: string) { return this.d.repo.events(id); }
  eventsAfter(seq: number, limit: number) { return this.d.repo.eventsAfter(seq, limit); }
  lastSeq() { return this.d.repo.lastSeq(); }
  stats(): Promise<CaseStats> { const now = this.now(); return this.d.repo.stats(now, chinaDayStart(now)); }

  private async mustGet(id: string): Promise<Case> {
    const c = await this.d.repo.get(id);
    if (!c) throw new DomainError('not_found', `no case ${id}`);
    return c;
  }

  private async write(next: Case, expectedVersion: number, change: Parameters<CasesRepo['update']>[2], commandId?: string): Promise<CaseEvent> {
    try {
      const event = await this.d.repo.update(next, expectedVersion, change);
      this.d.bus.emit('event', event);
      return event;
    } catch (err) {
      // The same queued command sent twice at once: the second finds the first's event.
      if (commandId && err instanceof UniqueViolation) {
        const done = await this.d.repo.eventByCommand(commandId);
        if (done) return done;
      }
      if (err instanceof ConflictError) throw new DomainError('conflict', err.message);
      throw err;
    }
  }

  private syncBusy(before: Case, after: Case): void {
    if (!this.d.onAssignment) return;
    if (before.patrolId && (before.patrolId !== after.patrolId || !BUSY_STATES.has(after.state))) this.d.onAssignment(before.patrolId, false);
    if (after.patrolId && BUSY_STATES.has(after.state)) this.d.onAssignment(after.patrolId, true);
  }
}
