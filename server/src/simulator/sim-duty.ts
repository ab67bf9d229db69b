// The simulated duty officer and the simulated patrols' handling of their tasks, so the demo wall
// shows the whole cycle: reported → dispatched → in progress → reported done (with an after-photo)
// → verified → closed. About a third of simulated cases are left for the humans at the console.
import type { CaseEvent } from '@cw/shared/schemas/cases';
import type { CaseService } from '../cases/case-service.ts';
import type { LivePatrols } from '../patrols/live-patrols.ts';
import type { CaseRules } from '../settings/case-rules.ts';
import { recommendPatrols } from '../cases/recommend.ts';
import { DomainError } from '../domain-error.ts';

export interface SimPhotos {
  /** Stores a generated image as the case's after-photo and returns its id. */
  saveAfterPhoto(caseId: string, by: string): Promise<string>;
}

interface Job { at: number; run: () => Promise<void> }

const SIM_OFFICER = { username: '模拟值班员', role: 'dispatcher' as const };

export class SimDuty {
  private jobs: Job[] = [];

  constructor(
    private readonly d: {
      cases: CaseService; live: LivePatrols; rules: CaseRules; photos: SimPhotos | null;
      isSimPatrol: (patrolId: string) => boolean;
      sendTo: (patrolId: string, lon: number, lat: number, onArrive: () => void) => void;
      rand: () => number;
      log: { error: (o: object, m: string) => void };
    },
    private readonly handledShare = 0.65,
  ) {}

  private later(delayMs: number, run: () => Promise<void>): void {
    this.jobs.push({ at: Date.now() + delayMs, run });
  }

  private s(min: number, max: number): number {
    return (min + this.d.rand() * (max - min)) * 1000;
  }

  /** Reacts to every case event; only simulator cases are touched. */
  onEvent(e: CaseEvent): void {
    const c = e.case;
    if (c.source !== 'simulator') return;
    if (e.type === 'created' && this.d.rand() < this.handledShare) {
      this.later(this.s(15, 60), () => this.dispatch(c.id));
    } else if (e.type === 'transitioned' && e.to === 'dispatched' && c.patrolId && this.d.isSimPatrol(c.patrolId)) {
      const patrolId = c.patrolId;
      this.later(this.s(5, 20), async () => {
        await this.act(c.id, { action: 'acknowledge' }, { username: patrolId, role: 'patrol', patrolId });
        this.d.sendTo(patrolId, c.lon, c.lat, () => this.later(this.s(60, 240), () => this.finish(c.id, patrolId)));
      });
    } else if (e.type === 'transitioned' && e.to === 'feedback') {
      this.later(this.s(20, 60), () => this.act(c.id, { action: 'verify_pass' }, SIM_OFFICER));
    } else if (e.type === 'transitioned' && e.to === 'verified') {
      this.later(this.s(3, 10), () => this.act(c.id, { action: 'close' }, SIM_OFFICER));
    }
  }

  async runDue(now: number): Promise<void> {
    const due = this.jobs.filter((j) => j.at <= now);
    if (!due.length) return;
    this.jobs = this.jobs.filter((j) => j.at > now);
    for (const j of due) await j.run().catch((err) => this.d.log.error({ err }, 'simulated duty step failed'));
  }

  private async dispatch(caseId: string): Promise<void> {
    const c = await this.d.cases.get(caseId);
    if (!c || (c.state !== 'reported' && c.state !== 'registered')) return;
    const [best] = recommendPatrols(this.d.live, c, this.d.rules.category(c.category), 1, Date.now());
    if (!best || !this.d.isSimPatrol(best.patrolId)) return;
    await this.act(caseId, { action: 'dispatch', patrolId: best.patrolId, unit: c.unit }, SIM_OFFICER);
  }

  private async finish(caseId: string, patrolId: string): Promise<void> {
    if (!this.d.photos) return;
    const photoId = await this.d.photos.saveAfterPhoto(caseId, patrolId);
    await this.act(caseId, { action: 'report_done', afterPhotoId: photoId }, { username: patrolId, role: 'patrol', patrolId });
  }

  private async act(caseId: string, cmd: Parameters<CaseService['transition']>[1], actor: Parameters<CaseService['transition']>[2]): Promise<void> {
    try {
      await this.d.cases.transition(caseId, cmd, actor);
    } catch (err) {
      // A human may have taken the case over in the meantime; that is not an error.
      if (!(err instanceof DomainError)) throw err;
    }
  }
}
