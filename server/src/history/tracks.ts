// Patrol tracks for the last few days of history: each patrol works its kind's shifts, walking or
// driving a beat in its home street at its kind's speed, going quiet now and then, detouring to the
// cases it was dispatched to; red-vest volunteers walk their road section in its scheduled shifts.
import { PATROL_KIND_INFO, type PatrolKind } from '@cw/shared/domain/patrol';
import type { WorkCalendar } from '@cw/shared/domain/work-calendar';
import type { AreaIndex } from '../geo/area-index.ts';
import type { StreetProps } from '../geo/layers.ts';
import { randomPointIn } from '../simulator/area-sampler.ts';
import { distanceToLineM, type RoadShift } from '../review/road-duty.ts';
import { cstDayStart } from '../review/days.ts';
import type { RosterPatrol } from './roster.ts';
import { isWorkday, weekdayOf } from './rhythm.ts';

export interface Visit {
  /** When the patrol acknowledged the case; it goes there at its next chance. */
  at: number;
  lon: number;
  lat: number;
  /** How long it stays once there. */
  stayMs: number;
}

export type FixSink = (time: number, lon: number, lat: number, speed: number, heading: number) => void;

const MIN = 60_000;
// Shifts by kind, CST minutes of the day; grid members work working days only.
const SHIFTS: Record<Exclude<PatrolKind, 'volunteer'>, readonly (readonly [number, number])[]> = {
  grid_member: [[8 * 60 + 30, 12 * 60], [14 * 60 + 30, 18 * 60]],
  urban_officer: [[8 * 60, 12 * 60], [14 * 60, 20 * 60]],
  traffic_police: [[7 * 60, 9 * 60 + 30], [11 * 60, 13 * 60], [16 * 60 + 30, 19 * 60 + 30]],
};
const DAY_OFF_CHANCE = 0.08;
/** Red vests on duty only step off their section for a case this close to it. */
const VOLUNTEER_REACH_M = 300;
const SILENCE_CHANCE = 0.002;
/** A case acknowledged longer ago than this is no longer visited (someone else saw to it). */
const VISIT_EXPIRY_MS = 24 * 60 * MIN;

export interface TrackContext {
  streets: AreaIndex<StreetProps>;
  calendar: WorkCalendar;
  /** Road-section shifts by section id (the volunteers' schedule). */
  sectionShifts: ReadonlyMap<string, readonly RoadShift[]>;
  fixMs: number;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The patrol's shifts on a CST day as [start, end) instants. */
function shiftsOn(p: RosterPatrol, day: number, ctx: TrackContext): [number, number][] {
  const base = cstDayStart(day);
  if (p.kind === 'volunteer') {
    const shifts = p.section ? ctx.sectionShifts.get(p.section.id) ?? [] : [];
    return shifts.filter((s) => s.weekdays.includes(weekdayOf(day))).map((s) => [base + minutesOf(s.start) * MIN, base + minutesOf(s.end) * MIN]);
  }
  if (p.kind === 'grid_member' && !isWorkday(day, ctx.calendar)) return [];
  return SHIFTS[p.kind].map(([a, b]) => [base + a * MIN, base + b * MIN]);
}

/** Emits the patrol's fixes on the given days, up to `end`. `visits` must be in time order. */
export function patrolTrack(p: RosterPatrol, days: readonly number[], end: number, visits: readonly Visit[], ctx: TrackContext,
  rand: () => number, emit: FixSink): void {
  const speedMps = PATROL_KIND_INFO[p.kind].speedMps;
  const streetIdx = ctx.streets.items.findIndex((s) => s.code === p.homeStreet);
  const line = p.section?.line;
  const todo = line ? visits.filter((x) => distanceToLineM(x.lon, x.lat, line) <= VOLUNTEER_REACH_M) : visits;
  const waypoint = (lon: number, lat: number): [number, number] => {
    if (line) {
      const v = line[Math.floor(rand() * line.length)]!;
      return [v[0], v[1]];
    }
    // A beat: the next point within ~1.5 km, inside the home street when possible.
    for (let k = 0; k < 20; k++) {
      const r = 1500 * Math.sqrt(rand());
      const a = rand() * 2 * Math.PI;
      const x = lon + (r * Math.sin(a)) / (111_320 * Math.cos((lat * Math.PI) / 180));
      const y = lat + (r * Math.cos(a)) / 110_540;
      if (ctx.streets.find(x, y) === streetIdx) return [x, y];
    }
    return (streetIdx >= 0 && randomPointIn(ctx.streets, streetIdx, rand)) || [lon, lat];
  };
  const home = line ? line[0]! : streetIdx >= 0 ? randomPointIn(ctx.streets, streetIdx, rand) : null;
  if (!home) return;
  let [lon, lat] = home;
  let v = 0;
  for (const day of days) {
    if (rand() < DAY_OFF_CHANCE) continue;
    for (const [from, to] of shiftsOn(p, day, ctx)) {
      let target = waypoint(lon, lat);
      let holdUntil = 0;
      let silentUntil = 0;
      let heading = 0;
      const stop = Math.min(to, end);
      for (let t = from + Math.floor(rand() * ctx.fixMs); t < stop; t += Math.round(ctx.fixMs * (0.8 + 0.4 * rand()))) {
        while (v < todo.length && todo[v]!.at < t - VISIT_EXPIRY_MS) v++;
        const visit = todo[v] && todo[v]!.at <= t ? todo[v]! : null;
        if (visit && t >= holdUntil) target = [visit.lon, visit.lat];
        const kx = 111_320 * Math.cos((lat * Math.PI) / 180);
        const dx = (target[0] - lon) * kx;
        const dy = (target[1] - lat) * 110_540;
        const dist = Math.hypot(dx, dy);
        let speed = 0;
        // While holding (at a case, or pausing on the beat) the patrol stands still.
        if (t >= holdUntil && dist > 3) {
          const step = Math.min(dist, speedMps * (0.7 + 0.5 * rand()) * (ctx.fixMs / 1000));
          lon += (dx / dist) * (step / kx);
          lat += (dy / dist) * (step / 110_540);
          speed = step / (ctx.fixMs / 1000);
          heading = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
        } else if (t >= holdUntil && visit) {
          holdUntil = t + visit.stayMs;
          v++;
        } else if (t >= holdUntil) {
          holdUntil = t + (1 + rand() * 4) * MIN;
          target = waypoint(lon, lat);
        }
        if (t < silentUntil) continue;
        if (rand() < SILENCE_CHANCE) { silentUntil = t + (2 + rand() * 8) * MIN; continue; }
        emit(t, lon, lat, Math.round(speed * 10) / 10, Math.round(heading));
      }
    }
  }
}
