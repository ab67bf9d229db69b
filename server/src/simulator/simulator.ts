// The demo's city: N patrols of the real kinds moving at their speeds inside their streets and going
// quiet now and then, and cases appearing at a realistic rate near the kinds of places that produce
// them. Positions enter through the same ingest path as real devices; cases through the case service.
import { PATROL_KIND_INFO, type PatrolKind } from '@cw/shared/domain/patrol';
import { CASE_CATEGORIES } from '@cw/shared/domain/taxonomy';
import type { PositionIngest } from '../ingest/position-ingest.ts';
import type { LivePatrols } from '../patrols/live-patrols.ts';
import type { Locator } from '../geo/locator.ts';
import type { CaseService } from '../cases/case-service.ts';
import { haversineM } from '../patrols/live-patrols.ts';
import { randomPointIn } from './area-sampler.ts';
import { personName } from './names.ts';
import { mulberry32, pick, pickWeighted } from './random.ts';
import { CASE_SPOTS, describeCase } from './case-spots.ts';
import { SimDuty, type SimPhotos } from './sim-duty.ts';
import type { CaseRules } from '../settings/case-rules.ts';
import type { CaseBus } from '../cases/case-bus.ts';

export interface SimulatorOptions {
  count: number;
  casesPerHour: number;
  tickMs: number;
  seed?: number;
}

export interface SimulatorDeps {
  live: LivePatrols;
  ingest: PositionIngest;
  locator: Locator;
  cases: CaseService;
  caseBus: CaseBus;
  rules: CaseRules;
  /** Stores generated after-photos; without it simulated patrols never report done. */
  photos: SimPhotos | null;
  /** Inspection points as [lon, lat, site category]: where problems cluster. */
  sites: readonly [number, number, string][];
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void };
}

interface SimPatrol {
  index: number;
  kind: PatrolKind;
  street: number;
  lon: number;
  lat: number;
  target: [number, number];
  heading: number;
  /** ms until the next report */
  nextReportAt: number;
  silentUntil: number;
  /** Set while heading to a dispatched case; called on arrival. */
  onArrive: (() => void) | null;
  holdUntil: number;
}

const KIND_MIX: readonly [PatrolKind, number][] = [['grid_member', 40], ['urban_officer', 20], ['traffic_police', 15], ['volunteer', 25]];
const UNIT_OF: Record<PatrolKind, string> = { grid_member: '', urban_officer: '市城管局', traffic_police: '市公安局', volunteer: '文明交通志愿服务队' };
const REPORT_EVERY_MS: Record<PatrolKind, number> = { grid_member: 3000, urban_officer: 2000, traffic_police: 2000, volunteer: 5000 };
/** Chance per report of going quiet (dead battery, tunnel, app killed) for 1–5 minutes. */
const SILENCE_P = 0.0015;

export class Simulator {
  private patrols: SimPatrol[] = [];
  private readonly rand: () => number;
  private timer: NodeJS.Timeout | null = null;
  private caseDebt = 0;
  private readonly urbanStreets: number[] = [];
  private readonly byPatrolId = new Map<string, SimPatrol>();
  private readonly duty: SimDuty;

  constructor(private readonly d: SimulatorDeps, private readonly o: SimulatorOptions) {
    this.rand = mulberry32(o.seed ?? 20200818);
    const streets = d.locator.streets;
    streets.items.forEach((s, i) => { if (s.type === '街道') this.urbanStreets.push(i); });
    if (!this.urbanStreets.length) this.urbanStreets.push(...streets.items.map((_, i) => i));
    this.duty = new SimDuty({
      cases: d.cases, live: d.live, rules: d.rules, photos: d.photos, rand: this.rand, log: d.log,
      isSimPatrol: (id) => this.byPatrolId.has(id),
      sendTo: (id, lon, lat, onArrive) => {
        const p = this.byPatrolId.get(id);
        if (!p) return;
        p.target = [lon, lat];
        p.onArrive = onArrive;
      },
    });
    d.caseBus.on('event', (e) => this.duty.onEvent(e));
  }

  async start(): Promise<void> {
    const now = Date.now();
    const streets = this.d.locator.streets;
    for (let k = 0; k < this.o.count; k++) {
      const deviceId = `sim-${String(k + 1).padStart(5, '0')}`;
      const existing = this.d.live.byDeviceId(deviceId);
      const kind = existing?.kind ?? pickWeighted(this.rand, KIND_MIX, ([, w]) => w)[0];
      // Most patrols work the built-up streets; a few cover the townships.
      const street = existing?.homeStreet
        ? Math.max(0, streets.items.findIndex((s) => s.code === existing.homeStreet))
        : this.rand() < 0.85 ? pick(this.rand, this.urbanStreets) : Math.floor(this.rand() * streets.size);
      const streetProps = streets.items[street]!;
      const rec = existing ?? await this.d.live.register({
        id: `P${String(k + 1).padStart(5, '0')}`, deviceId,
        name: `${PATROL_KIND_INFO[kind].zh}·${personName(this.rand)}`, kind,
        unit: UNIT_OF[kind] || `${streetProps.name}网格站`, homeStreet: streetProps.code,
      }, now);
      const start = randomPointIn(streets, street, this.rand) ?? [this.d.locator.bbox[0], this.d.locator.bbox[1]];
      const sp: SimPatrol = {
        index: rec.index, kind, street, lon: start[0], lat: start[1], target: start, heading: 0,
        nextReportAt: now + this.rand() * REPORT_EVERY_MS[kind], silentUntil: 0, onArrive: null, holdUntil: 0,
      };
      this.patrols.push(sp);
      this.byPatrolId.set(rec.id, sp);
    }
    this.d.log.info({ patrols: this.patrols.length, casesPerHour: this.o.casesPerHour }, 'simulator started');
    this.timer = setInterval(() => this.tick().catch((err) => this.d.log.error({ err }, 'simulator tick failed')), this.o.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    const dt = this.o.tickMs / 1000;
    for (const p of this.patrols) {
      this.move(p, dt, now);
      if (now < p.nextReportAt || now < p.silentUntil) continue;
      p.nextReportAt = now + REPORT_EVERY_MS[p.kind] * (0.8 + this.rand() * 0.4);
      if (this.rand() < SILENCE_P) { p.silentUntil = now + 60_000 + this.rand() * 240_000; continue; }
      const record = this.d.live.all()[p.index]!;
      const speed = this.moving(p) ? PATROL_KIND_INFO[p.kind].speedMps * (0.7 + this.rand() * 0.5) : 0;
      await this.d.ingest.accept({
        deviceId: record.deviceId, lon: p.lon, lat: p.lat, time: now, speed, heading: p.heading,
        accuracy: 5 + this.rand() * 10, altitude: null, battery: null,
      });
    }
    this.caseDebt += (this.o.casesPerHour * this.o.tickMs) / 3_600_000;
    while (this.caseDebt >= 1) {
      this.caseDebt -= 1;
      await this.createCase();
    }
    await this.duty.runDue(now);
  }

  private moving(p: SimPatrol): boolean {
    return haversineM(p.lon, p.lat, p.target[0], p.target[1]) > 3;
  }

  private move(p: SimPatrol, dt: number, now: number): void {
    const dist = haversineM(p.lon, p.lat, p.target[0], p.target[1]);
    if (dist <= 3) {
      if (p.onArrive) {
        // At the case: stay while handling it.
        const arrive = p.onArrive;
        p.onArrive = null;
        p.holdUntil = now + 4 * 60_000;
        arrive();
        return;
      }
      // Arrived: pause a little, then walk to another point of the same street.
      if (now >= p.holdUntil && this.rand() < 0.1) p.target = this.nextWaypoint(p);
      return;
    }
    const step = Math.min(dist, PATROL_KIND_INFO[p.kind].speedMps * dt);
    const f = step / dist;
    const dLon = p.target[0] - p.lon;
    const dLat = p.target[1] - p.lat;
    p.lon += dLon * f;
    p.lat += dLat * f;
    p.heading = (Math.atan2(dLon * Math.cos((p.lat * Math.PI) / 180), dLat) * 180) / Math.PI;
    if (p.heading < 0) p.heading += 360;
  }

  private nextWaypoint(p: SimPatrol): [number, number] {
    // Patrol a beat: the next point is within ~1.5 km, inside the home street when possible.
    for (let k = 0; k < 20; k++) {
      const r = 1500 * Math.sqrt(this.rand());
      const a = this.rand() * 2 * Math.PI;
      const lon = p.lon + (r * Math.sin(a)) / (111_320 * Math.cos((p.lat * Math.PI) / 180));
      const lat = p.lat + (r * Math.cos(a)) / 110_540;
      if (this.d.locator.streets.find(lon, lat) === p.street) return [lon, lat];
    }
    return randomPointIn(this.d.locator.streets, p.street, this.rand) ?? [p.lon, p.lat];
  }

  private async createCase(): Promise<void> {
    const category = pickWeighted(this.rand, CASE_CATEGORIES, (c) => c.weight);
    const spots = this.d.sites.filter(([, , cat]) => (CASE_SPOTS[category.code] ?? []).includes(cat));
    let point: [number, number] | null = null;
    if (spots.length && this.rand() < 0.8) {
      const [lon, lat] = pick(this.rand, spots);
      point = [lon + (this.rand() - 0.5) * 0.002, lat + (this.rand() - 0.5) * 0.002];
    } else {
      point = randomPointIn(this.d.locator.streets, pick(this.rand, this.urbanStreets), this.rand);
    }
    if (!point) return;
    try {
      await this.d.cases.create({
        category: category.code, lon: point[0], lat: point[1],
        description: describeCase(category.code, this.rand),
      }, { username: pick(this.rand, ['巡查上报', '12345热线', '数字城管', '网格员上报']), role: 'dispatcher' }, 'simulator');
    } catch (err) {
      this.d.log.error({ err }, 'simulated case refused');
    }
  }
}
