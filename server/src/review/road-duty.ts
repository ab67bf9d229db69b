// Red-vest shift duty (轮班值守) on the road sections units contracted (分包路段): the schedule, and
// which sections should be staffed right now but have nobody within 100 m of them.
import { DomainError } from '../domain-error.ts';
import { DAY_MS } from './days.ts';

export interface RoadSection {
  id: string;
  name: string;
  /** The contracted unit, as the layer names it (e.g. 市城管局). */
  unit: string;
  street: string | null;
  district: string | null;
  /** [lon, lat] vertices of the section. */
  line: readonly (readonly [number, number])[];
}

export interface RoadShift {
  section: string;
  /** ISO weekdays the shift runs: 1 = Monday … 7 = Sunday (CST). */
  weekdays: number[];
  /** Local CST times 'HH:MM', start < end within one day. */
  start: string;
  end: string;
  team: string;
  /** People the shift should have on the section. */
  staff: number;
}

export interface PatrolPosition {
  id: string;
  name: string;
  unit: string;
  lon: number;
  lat: number;
}

export interface SectionDuty {
  section: string;
  name: string;
  unit: string;
  street: string | null;
  /** Shifts running now on this section. */
  shifts: RoadShift[];
  /** Online patrols within the radius of the section line. */
  present: { id: string; name: string; unit: string; distanceM: number }[];
  /** A shift is running and nobody is there. */
  uncovered: boolean;
}

export const DUTY_RADIUS_M = 100;
const CST_MS = 8 * 3_600_000;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new DomainError('bad_request', `bad time '${hhmm}', want HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Checks a schedule against the sections; every problem is the caller's (400). */
export function validateShifts(shifts: readonly RoadShift[], sections: readonly RoadSection[]): void {
  const known = new Set(sections.map((s) => s.id));
  shifts.forEach((s, i) => {
    if (!known.has(s.section)) throw new DomainError('bad_request', `shift ${i}: no road section '${s.section}'`);
    if (minutes(s.start) >= minutes(s.end)) throw new DomainError('bad_request', `shift ${i}: start ${s.start} is not before end ${s.end}`);
    if (new Set(s.weekdays).size !== s.weekdays.length) throw new DomainError('bad_request', `shift ${i}: repeated weekday`);
  });
}

/** ISO weekday (1 = Monday) and minute of the day, in CST. */
function cstClock(now: number): { weekday: number; minute: number } {
  const local = now + CST_MS;
  const day = Math.floor(local / DAY_MS);
  return { weekday: ((day + 3) % 7) + 1, minute: Math.floor((local - day * DAY_MS) / 60_000) };
}

export function shiftRunning(s: RoadShift, now: number): boolean {
  const { weekday, minute } = cstClock(now);
  return s.weekdays.includes(weekday) && minute >= minutes(s.start) && minute < minutes(s.end);
}

/** Every section with its running shifts and who is on it now. */
export function dutyNow(sections: readonly RoadSection[], shifts: readonly RoadShift[], patrols: readonly PatrolPosition[],
  now: number, radiusM = DUTY_RADIUS_M): SectionDuty[] {
  return sections.map((sec) => {
    const running = shifts.filter((s) => s.section === sec.id && shiftRunning(s, now));
    const present = patrols
      .map((p) => ({ id: p.id, name: p.name, unit: p.unit, distanceM: Math.round(distanceToLineM(p.lon, p.lat, sec.line)) }))
      .filter((p) => p.distanceM <= radiusM)
      .sort((a, b) => a.distanceM - b.distanceM);
    return { section: sec.id, name: sec.name, unit: sec.unit, street: sec.street, shifts: running, present, uncovered: running.length > 0 && present.length === 0 };
  });
}

/** Metres from a point to a polyline, in a local equirectangular projection (exact enough at 100 m). */
export function distanceToLineM(lon: number, lat: number, line: readonly (readonly [number, number])[]): number {
  const kx = 111_320 * Math.cos((lat * Math.PI) / 180);
  const ky = 110_540;
  let best = Infinity;
  for (let i = 0; i < line.length; i++) {
    const a = line[i]!;
    const b = line[i + 1] ?? a;
    const ax = (a[0] - lon) * kx;
    const ay = (a[1] - lat) * ky;
    const dx = (b[0] - a[0]) * kx;
    const dy = (b[1] - a[1]) * ky;
    const len2 = dx * dx + dy * dy;
    // Parameter of the point's projection onto the segment, clamped to its ends.
    const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/** The sample schedule shipped until the HQ saves its own: every section staffed in the weekday
 *  rush hours by its unit's volunteers, and every third section also at weekend peaks. Sample data. */
export function sampleShifts(sections: readonly RoadSection[]): RoadShift[] {
  return sections.flatMap((s, i) => {
    const team = (n: number) => `${s.unit}红马甲第${n}组（示例）`;
    const out: RoadShift[] = [
      { section: s.id, weekdays: [1, 2, 3, 4, 5], start: '07:00', end: '09:00', team: team(1), staff: 2 },
      { section: s.id, weekdays: [1, 2, 3, 4, 5], start: '17:00', end: '19:00', team: team(2), staff: 2 },
    ];
    if (i % 3 === 0) out.push({ section: s.id, weekdays: [6, 7], start: '09:00', end: '11:30', team: team(3), staff: 1 });
    return out;
  });
}

/** Road sections from the layer's GeoJSON features. */
export function roadSectionsFrom(features: readonly { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[]): RoadSection[] {
  return features.filter((f) => f.geometry.type === 'LineString').map((f) => ({
    id: String(f.properties.id),
    name: String(f.properties.name ?? f.properties.id),
    unit: String(f.properties.unit ?? ''),
    street: typeof f.properties.street === 'string' ? f.properties.street : null,
    district: typeof f.properties.district === 'string' ? f.properties.district : null,
    line: f.geometry.coordinates as [number, number][],
  }));
}
