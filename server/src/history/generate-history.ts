// A year (or any span) of realistic history as batches of store rows, day by day: cases with their
// full event trail, case-code counters, and patrol tracks for the last few days. Pure: no I/O
// beyond reading the layers, so it can run in a worker thread while another thread writes.
// Deterministic: the same input gives the same batches.
//
// Events come out in time order across cases (seq order is time order, as in a live store): each
// case's later steps wait in a bucket for the day they happen on, and a day's bucket is emitted once
// every case that can still act on that day has been generated.
import type { CaseCategory } from '@cw/shared/domain/taxonomy';
import { CASE_CATEGORIES } from '@cw/shared/domain/taxonomy';
import { isOpen, type CaseSource } from '@cw/shared/domain/case';
import type { PatrolKind } from '@cw/shared/domain/patrol';
import { DEFAULT_CALENDAR } from '@cw/shared/domain/work-calendar';
import { loadLayers } from '../geo/layers.ts';
import { Locator } from '../geo/locator.ts';
import { AreaIndex } from '../geo/area-index.ts';
import { caseCodeDay } from '../cases/case-code.ts';
import { describeCase } from '../simulator/case-spots.ts';
import { mulberry32, pick } from '../simulator/random.ts';
import { inspectionSitesFrom } from '../review/site-risk.ts';
import { roadSectionsFrom, sampleShifts, type RoadShift } from '../review/road-duty.ts';
import { cstDay, cstDayStart } from '../review/days.ts';
import { caseLife, type LifeStep } from './case-life.ts';
import { fixedJson, snapshotTail } from './case-json.ts';
import { spotPicker } from './hot-spots.ts';
import { buildRoster, PatrolPicker, type RosterPatrol } from './roster.ts';
import { patrolTrack, type Visit } from './tracks.ts';
import { campaignBoost, campaignsFor, categoryDayFactor, CATEGORY_PROFILE, dailyCounts, dayWeight, isWorkday, timeInDay } from './rhythm.ts';

export interface HistoryOptions {
  cases: number;
  days: number;
  seed: number;
  /** History ends at this instant; the last day is the CST day containing it. */
  end: number;
  patrols: number;
  /** Days (ending with the last) that get patrol tracks. */
  patrolDays: number;
  fixSeconds: number;
  /** The assessment date each year (MM-DD): campaigns run in the weeks before it. */
  assessmentMmdd: string;
  layersDir: string;
  dataDir: string;
}

/** What the store already holds that history must continue from. */
export interface StoreStart {
  /** Last case-code number per day (YYYYMMDD). */
  lastCodes: Record<string, number>;
  /** Patrols already registered, by device id: history keeps their kind and home street. */
  patrols: Record<string, { kind: PatrolKind; homeStreet: string | null }>;
}

/** Row values in the column order of HistoryWriter's INSERTs, flattened. Two columns travel in
 *  parts, which the writer joins: a case's `doc` and an event's `snapshot` hold only the state after
 *  the step, and `caseFixed`/`eventFixed` give, per row, which of `fixed` (each case's unchanging
 *  opening) goes in front — a sixth of the bytes to pass between threads. Positions name their
 *  patrol by its place in the roster; the writer turns that into the stored patrol index. */
export type HistoryBatch =
  | { kind: 'roster'; patrols: RosterPatrol[]; registeredAt: number }
  | { kind: 'day'; cases: unknown[]; events: unknown[]; fixed: string[]; caseFixed: number[]; eventFixed: number[]; code: [day: string, last: number] }
  | { kind: 'positions'; rows: unknown[] };

export const CASE_COLUMNS = 27;
export const EVENT_COLUMNS = 10;
export const POSITION_COLUMNS = 6;

const SOURCES: readonly [CaseSource, number][] = [['patrol', 0.4], ['hotline', 0.3], ['dispatcher', 0.2], ['open311', 0.1]];
const OFFICERS = ['dispatcher', '值班员·李敏', '值班员·王强', '值班员·赵静'];
const DISTRICT_UNIT: Record<string, string> = { '411771': 'kfq' };

interface PendingEvent {
  seq: number;
  id: string;
  fixed: string;
  step: LifeStep;
  version: number;
}

type Features = { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };

export function* generateHistory(o: HistoryOptions, start: StoreStart): Generator<HistoryBatch> {
  const rand = mulberry32(o.seed);
  const layers = loadLayers(o.layersDir);
  const locator = new Locator(layers);
  const streets = new AreaIndex(layers.streets.features);
  const layer = (name: 'inspection-points' | 'road-sections') => (JSON.parse(layers.files.get(name)!.raw.toString('utf8')) as Features).features;
  const sites = inspectionSitesFrom(layer('inspection-points'));
  const sections = roadSectionsFrom(layer('road-sections'));
  const calendar = DEFAULT_CALENDAR;
  const names = new Map<string, string>([...layers.streets.features, ...layers.communities.features].map((f) => [f.properties.code, f.properties.name]));

  const lastDay = cstDay(o.end);
  const firstDay = lastDay - o.days + 1;
  const campaigns = campaignsFor(firstDay, lastDay, o.assessmentMmdd);
  const dayList = Array.from({ length: o.days }, (_, k) => firstDay + k);
  const counts = dailyCounts(o.cases, dayList.map((d) => dayWeight(d, calendar, campaigns)));

  // Away from the sites every cell is equally likely: the grid is the built-up area.
  const cellBoxes = layers.grid.features.map((_, i) => locator.cells.bbox(i));
  const background = (r: () => number): [number, number] => {
    const [w, s, e, n] = cellBoxes[Math.floor(r() * cellBoxes.length)]!;
    return [w + r() * (e - w), s + r() * (n - s)];
  };
  const spots = spotPicker(sites, firstDay, lastDay, background, rand);
  const roster = buildRoster(o.patrols, layers.streets.features.map((f) => f.properties), sections, rand).map((p) => {
    const known = start.patrols[p.deviceId];
    return known ? { ...p, kind: known.kind, homeStreet: known.homeStreet ?? p.homeStreet, section: known.kind === 'volunteer' ? p.section : null } : p;
  });
  yield { kind: 'roster', patrols: roster, registeredAt: cstDayStart(firstDay) };
  const picker = new PatrolPicker(roster);
  // Some units and streets are slower than others, and some units' fixes fail verification more.
  const unitPace = new Map<string, { pace: number; rework: number }>();
  const streetPace = new Map<string, number>();
  const unitOf = (unit: string) => {
    let u = unitPace.get(unit);
    if (!u) unitPace.set(unit, (u = { pace: 0.7 + rand() * 0.9, rework: 0.02 + rand() * 0.08 }));
    return u;
  };
  const streetPaceOf = (street: string | null) => {
    const key = street ?? '';
    let p = streetPace.get(key);
    if (p === undefined) streetPace.set(key, (p = 0.85 + rand() * 0.4));
    return p;
  };

  const trackFrom = cstDayStart(lastDay - o.patrolDays + 1);
  const visits = new Map<string, Visit[]>();
  const buckets = new Map<number, PendingEvent[]>();
  let seq = 0;
  /** The day's events in time order, each with the place of its case's opening in `fixed`. */
  const dayEvents = (day: number, fixed: string[], fixedOf: Map<number, number>) => {
    const list = buckets.get(day) ?? [];
    buckets.delete(day);
    list.sort((a, b) => a.step.at - b.step.at || a.seq - b.seq || a.version - b.version);
    const rows: unknown[] = [];
    const refs: number[] = [];
    for (const e of list) {
      const s = e.step;
      let ref = fixedOf.get(e.seq);
      if (ref === undefined) { ref = fixed.push(e.fixed) - 1; fixedOf.set(e.seq, ref); }
      rows.push(e.id, s.type, s.at, s.actor, s.action, s.from, s.to, s.note, snapshotTail(s, s.at, e.version), null);
      refs.push(ref);
    }
    return { rows, refs };
  };

  for (let k = 0; k < dayList.length; k++) {
    const day = dayList[k]!;
    const workday = isWorkday(day, calendar);
    const boost = campaignBoost(day, campaigns);
    const weights = CASE_CATEGORIES.map((c) => c.weight * categoryDayFactor(c.code, day, workday));
    const total = weights.reduce((a, b) => a + b, 0);
    const draws: { at: number; category: CaseCategory }[] = [];
    for (let n = 0; n < counts[k]!; n++) {
      let r = rand() * total;
      let c = 0;
      while (c < CASE_CATEGORIES.length - 1 && (r -= weights[c]!) > 0) c++;
      const category = CASE_CATEGORIES[c]!;
      let at = timeInDay(day, CATEGORY_PROFILE[category.code] ?? 'daytime', rand);
      // The last day stops at the end instant.
      if (at > o.end) at = cstDayStart(day) + Math.floor(rand() * (o.end - cstDayStart(day)));
      draws.push({ at, category });
    }
    draws.sort((a, b) => a.at - b.at);
    const codeDay = caseCodeDay(cstDayStart(day));
    let code = start.lastCodes[codeDay] ?? 0;
    const cases: unknown[] = [];
    const fixedList: string[] = [];
    const caseFixed: number[] = [];
    const fixedOf = new Map<number, number>();
    for (const { at, category } of draws) {
      const id = `AJ${codeDay}-${String(++code).padStart(5, '0')}`;
      const spot = spots.pick(category.code, day, rand);
      const lon = round6(spot.lon);
      const lat = round6(spot.lat);
      const place = locator.locate(lon, lat);
      const govUnit = DISTRICT_UNIT[place.district ?? ''] ?? 'ycq';
      const unit = category.code === 'old_compound' ? govUnit : category.unit;
      const source = pickSource(rand);
      const reporter = source === 'patrol' ? picker.pick(place.street, ['grid_member', 'urban_officer', 'volunteer'], rand).id
        : source === 'hotline' ? '12345热线' : source === 'open311' ? '市民随手拍' : pick(rand, OFFICERS);
      const perf = unitOf(unit);
      const life = caseLife({
        createdAt: at, category, unit, fallbackUnit: govUnit, reporter, officer: pick(rand, OFFICERS),
        patrol: () => picker.pick(place.street, category.handledBy, rand).id,
        pace: (perf.pace * streetPaceOf(place.street)) / Math.sqrt(boost), reworkChance: perf.rework, calendar,
      }, rand);
      let kept = life.steps.length;
      while (life.steps[kept - 1]!.at > o.end) kept--;
      const last = life.steps[kept - 1]!;
      const priority = category.urgent ? 'urgent' : rand() < 0.1 ? 'high' : 'normal';
      const description = describeCase(category.code, rand);
      const address = spot.site ? `${spot.site.name}附近` : [place.street, place.community].map((c) => (c ? names.get(c) ?? '' : '')).join('');
      const fixed = fixedJson({
        id, code: id, category: category.code, item: category.item, priority, source, lon, lat, ...place, description, address,
        reporter, createdAt: at, deadlineAt: life.deadlineAt, photos: [],
      });
      cases.push(id, last.state, category.code, category.item, last.unit, priority, source, lon, lat,
        place.cell, place.community, place.street, place.district, description, address, reporter, last.patrolId,
        at, last.at, life.deadlineAt, last.closedAt, last.overdue ? 1 : 0, last.escalation, isOpen(last.state) ? 1 : 0,
        snapshotTail(last, last.at, kept), kept, null);
      seq++;
      fixedOf.set(seq, fixedList.push(fixed) - 1);
      caseFixed.push(fixedOf.get(seq)!);
      for (let v = 0; v < kept; v++) {
        const step = life.steps[v]!;
        const d = cstDay(step.at);
        let bucket = buckets.get(d);
        if (!bucket) buckets.set(d, (bucket = []));
        bucket.push({ seq, id, fixed, step, version: v + 1 });
        if (step.action === 'acknowledge' && step.at >= trackFrom) {
          const done = life.steps.find((x, j) => j > v && x.action === 'report_done');
          const stayMs = Math.min(40 * 60_000, Math.max(10 * 60_000, (done?.at ?? step.at) - step.at));
          const list = visits.get(step.actor) ?? [];
          list.push({ at: step.at, lon, lat, stayMs });
          visits.set(step.actor, list);
        }
      }
    }
    // Cases are created in day order, so nothing generated later can act on this day.
    const events = dayEvents(day, fixedList, fixedOf);
    yield { kind: 'day', cases, events: events.rows, fixed: fixedList, caseFixed, eventFixed: events.refs, code: [codeDay, code] };
  }

  const sectionShifts = new Map<string, RoadShift[]>();
  for (const s of sampleShifts(sections)) sectionShifts.set(s.section, [...(sectionShifts.get(s.section) ?? []), s]);
  const trackDays = Math.min(o.patrolDays, o.days);
  const days = Array.from({ length: trackDays }, (_, k) => lastDay - trackDays + 1 + k);
  for (const [n, p] of roster.entries()) {
    const rows: unknown[] = [];
    const list = (visits.get(p.id) ?? []).sort((a, b) => a.at - b.at);
    patrolTrack(p, days, o.end, list, { streets, calendar, sectionShifts, fixMs: o.fixSeconds * 1000 }, rand,
      (t, lon, lat, speed, heading) => rows.push(n, t, round6(lon), round6(lat), speed, heading));
    if (rows.length) yield { kind: 'positions', rows };
  }
}

function pickSource(rand: () => number): CaseSource {
  let r = rand();
  for (const [s, p] of SOURCES) if ((r -= p) < 0) return s;
  return 'patrol';
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
