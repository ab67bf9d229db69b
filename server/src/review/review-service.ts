// The leaders' review as one service: it turns API questions (a window, filters, a level) into
// index selections and aggregations, and reads live patrols, position history and the saved
// schedules for the rest. Every limit a question must respect is checked here (→ 400).
import { patrolStatusAt } from '@cw/shared/domain/patrol';
import type { CaseCategory } from '@cw/shared/domain/taxonomy';
import { ITEM_BY_CODE, UNIT_BY_CODE } from '@cw/shared/domain/taxonomy';
import type { Patrol } from '@cw/shared/schemas/patrols';
import { DomainError } from '../domain-error.ts';
import type { PatrolRecord, PositionsRepo, SettingsRepo } from '../store/types.ts';
import type { AreaLevel } from './areas.ts';
import type { CaseIndex } from './case-index.ts';
import { FILTER_KEYS, selectRows, type CaseFilter, type CaseWindow } from './case-selection.ts';
import { areaStats, compareCounts, metricValues, type AreaMetric, type AreaStats } from './area-stats.ts';
import { heatBins, type HeatBins } from './heat-bins.ts';
import { HEAT_SCALES, type HeatScale } from './heat-grid.ts';
import { daySeries, type DaySeries, type SeriesLevel } from './day-series.ts';
import { rankings, sortRankings, summary, type RankLevel, type RankRow, type RankSortKey } from './rankings.ts';
import { assessmentStatus, validateTaxonomy, type AssessmentStatus } from './assessment-tracker.ts';
import { SAMPLE_ASSESSMENT, type AssessmentTaxonomy } from './assessment-sample.ts';
import type { SiteRisk } from './site-risk.ts';
import type { CoverageLedger } from './coverage.ts';
import { dutyNow, sampleShifts, validateShifts, DUTY_RADIUS_M, type RoadSection, type RoadShift, type SectionDuty } from './road-duty.ts';
import { cstDay, cstDayStart, DAY_MS } from './days.ts';

export const TAXONOMY_KEY = 'review.assessment';
export const SHIFTS_KEY = 'review.roadShifts';

/** Longest windows, in days: aggregates are cheap at any length, but per-cell day series and
 *  coverage grow with it, and replay ships raw tracks. */
export const LIMITS = { windowDays: 1100, fineSeriesDays: 92, coverageDays: 92, replayDays: 7, replayPatrols: 20 };

export interface ReviewDeps {
  index: CaseIndex;
  coverage: CoverageLedger;
  sites: SiteRisk;
  sections: readonly RoadSection[];
  settings: SettingsRepo;
  positions: Pick<PositionsRepo, 'track'>;
  live: { list(now: number): Patrol[]; byPatrolId(id: string): PatrolRecord | null };
  categories: () => readonly CaseCategory[];
  now?: () => number;
}

export type FilterQuery = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function filterOf(q: FilterQuery): CaseFilter {
  const f: CaseFilter = {};
  for (const key of FILTER_KEYS) {
    const values = q[key]?.split(',').map((s) => s.trim()).filter(Boolean);
    if (values?.length) f[key] = values;
  }
  return f;
}

export function checkWindow(w: CaseWindow, maxDays: number, name = 'window'): void {
  if (w.to <= w.from) throw new DomainError('bad_request', `${name}: 'to' must be after 'from'`);
  if (w.to - w.from > maxDays * DAY_MS) throw new DomainError('bad_request', `${name} is longer than ${maxDays} days`);
}

function scaleOf(scale: number | undefined): HeatScale {
  const s = scale ?? 1;
  if (!(HEAT_SCALES as readonly number[]).includes(s)) throw new DomainError('bad_request', `scale must be one of ${HEAT_SCALES.join(', ')}`);
  return s as HeatScale;
}

export class ReviewService {
  private readonly now: () => number;

  constructor(private readonly d: ReviewDeps) {
    this.now = d.now ?? Date.now;
  }

  get index(): CaseIndex {
    return this.d.index;
  }

  private select(w: CaseWindow, q: FilterQuery, maxDays = LIMITS.windowDays): Uint32Array {
    checkWindow(w, maxDays);
    return selectRows(this.d.index, w, filterOf(q));
  }

  /** Cases of any creation time that pass the filter (the "now" views: open problems). */
  private scope(q: FilterQuery): Uint32Array {
    return selectRows(this.d.index, { from: -Infinity, to: Infinity }, filterOf(q));
  }

  areas(w: CaseWindow, q: FilterQuery, level: AreaLevel): { total: number; stats: AreaStats } {
    const rows = this.select(w, q);
    return { total: rows.length, stats: areaStats(this.d.index, rows, level) };
  }

  choropleth(w: CaseWindow, q: FilterQuery, level: AreaLevel, metric: AreaMetric) {
    const { total, stats } = this.areas(w, q, level);
    return { level, metric, total, ids: stats.ids, values: metricValues(stats, metric), counts: stats.count };
  }

  heat(w: CaseWindow, q: FilterQuery, scale: number | undefined): HeatBins & { total: number } {
    const rows = this.select(w, q);
    return { total: rows.length, ...heatBins(this.d.index, rows, scaleOf(scale)) };
  }

  compare(a: CaseWindow, b: CaseWindow, q: FilterQuery, level: AreaLevel) {
    checkWindow(a, LIMITS.windowDays, 'period a');
    checkWindow(b, LIMITS.windowDays, 'period b');
    const filter = filterOf(q);
    const ra = selectRows(this.d.index, a, filter);
    const rb = selectRows(this.d.index, b, filter);
    return {
      level, totals: [ra.length, rb.length], days: [(a.to - a.from) / DAY_MS, (b.to - b.from) / DAY_MS],
      ...compareCounts(this.d.index, ra, rb, level),
    };
  }

  series(w: CaseWindow, q: FilterQuery, level: SeriesLevel, scale: number | undefined): DaySeries & { level: SeriesLevel; binColumns: number | null; res: number | null } {
    const fine = level === 'cell' || level === 'bin';
    const s = scaleOf(scale);
    const rows = this.select(w, q, fine ? LIMITS.fineSeriesDays : LIMITS.windowDays);
    const heat = this.d.index.ctx.heat;
    return {
      level, ...daySeries(this.d.index, rows, w, level, s),
      binColumns: level === 'bin' ? Math.ceil(heat.width / s) : null,
      res: level === 'bin' ? heat.res * s : null,
    };
  }

  rankings(w: CaseWindow, q: FilterQuery, level: RankLevel, sort: RankSortKey = 'cases', order: 'asc' | 'desc' = 'desc'): RankRow[] {
    return sortRankings(rankings(this.d.index, this.select(w, q), level), sort, order);
  }

  async taxonomy(): Promise<AssessmentTaxonomy> {
    return (await this.d.settings.get<AssessmentTaxonomy>(TAXONOMY_KEY)) ?? SAMPLE_ASSESSMENT;
  }

  async setTaxonomy(t: AssessmentTaxonomy, by: string): Promise<void> {
    validateTaxonomy(t, this.d.categories());
    await this.d.settings.put(TAXONOMY_KEY, t, by, this.now());
  }

  async assessment(q: FilterQuery, weeks = 12): Promise<AssessmentStatus> {
    return assessmentStatus(this.d.index, this.scope(q), await this.taxonomy(), weeks, this.now());
  }

  sites(q: FilterQuery, radiusM?: number) {
    const r = radiusM ?? 150;
    return { radiusM: r, ...this.d.sites.assess(this.d.index, this.scope(q), r) };
  }

  /** Coverage resolves the window to whole CST days. */
  async coverage(w: CaseWindow, level: 'street' | 'community' = 'street') {
    checkWindow(w, LIMITS.coverageDays);
    const first = cstDay(w.from);
    const last = cstDay(w.to - 1);
    await this.d.coverage.ensureDays(first, last);
    const bits = this.d.coverage.visited(first, last);
    return {
      level, firstDay: cstDayStart(first), days: last - first + 1,
      ...this.d.coverage.byArea(bits, level), visitedCells: this.d.coverage.cellList(bits, true),
    };
  }

  /** Unit cells nobody passed through in the last `days` days (today included). */
  async staleCells(days: number) {
    const now = this.now();
    const today = cstDay(now);
    await this.d.coverage.ensureDays(today - days + 1, today);
    const cells = this.d.coverage.cellList(this.d.coverage.visited(today - days + 1, today), false);
    const last = this.d.coverage.lastVisit;
    return { days, asOf: now, cells, lastVisit: cells.map((c) => (last[c] ? last[c]! : null)) };
  }

  /** Patrols that have gone quiet (stale) or dark (offline), longest silent first. */
  quietPatrols() {
    const now = this.now();
    const patrols = this.d.live.list(now)
      .filter((p) => p.status !== 'online')
      .map((p) => ({ id: p.id, name: p.name, kind: p.kind, unit: p.unit, street: p.street, status: p.status, lastFixAt: p.position?.time ?? null }))
      .sort((a, b) => (a.lastFixAt ?? 0) - (b.lastFixAt ?? 0) || a.id.localeCompare(b.id));
    return { asOf: now, patrols };
  }

  async shifts(): Promise<{ sample: boolean; shifts: RoadShift[] }> {
    const saved = await this.d.settings.get<RoadShift[]>(SHIFTS_KEY);
    return saved ? { sample: false, shifts: saved } : { sample: true, shifts: sampleShifts(this.d.sections) };
  }

  async setShifts(shifts: RoadShift[], by: string): Promise<void> {
    validateShifts(shifts, this.d.sections);
    await this.d.settings.put(SHIFTS_KEY, shifts, by, this.now());
  }

  async duty(): Promise<{ at: number; radiusM: number; sections: SectionDuty[] }> {
    const now = this.now();
    const online = this.d.live.list(now)
      .filter((p) => p.position && patrolStatusAt(p.position.time, now) === 'online')
      .map((p) => ({ id: p.id, name: p.name, unit: p.unit, lon: p.position!.lon, lat: p.position!.lat }));
    return { at: now, radiusM: DUTY_RADIUS_M, sections: dutyNow(this.d.sections, (await this.shifts()).shifts, online, now) };
  }

  /** Several patrols' tracks over a window, and the cases assigned to them that were alive in it. */
  async replay(w: CaseWindow, patrolIds: readonly string[]) {
    checkWindow(w, LIMITS.replayDays);
    const ids = [...new Set(patrolIds)];
    if (ids.length > LIMITS.replayPatrols) throw new DomainError('bad_request', `at most ${LIMITS.replayPatrols} patrols at once`);
    const records = ids.map((id) => {
      const rec = this.d.live.byPatrolId(id);
      if (!rec) throw new DomainError('bad_request', `no patrol '${id}'`);
      return rec;
    });
    const patrols = await Promise.all(records.map(async (rec) => ({
      id: rec.id, name: rec.name, kind: rec.kind, unit: rec.unit,
      points: (await this.d.positions.track(rec.index, w.from, w.to)).flatMap((p) => [p.time, p.lon, p.lat, p.speed, p.heading]),
    })));
    return { from: w.from, to: w.to, patrols, cases: this.casesOf(ids, w) };
  }

  private casesOf(patrolIds: readonly string[], w: CaseWindow) {
    const idx = this.d.index;
    const { codes } = idx.ctx;
    const wanted = new Set(patrolIds.map((id) => codes.patrols.find(id)).filter((i) => i >= 0));
    const rows: number[] = [];
    const hi = idx.lowerBound(w.to);
    for (let i = 0; i < hi; i++) {
      const closed = idx.closed[i]!;
      if (wanted.has(idx.patrol[i]!) && !(closed && closed < w.from)) rows.push(i);
    }
    const ids = idx.idsOf(rows);
    return rows.map((i, k) => ({
      id: ids[k]!, patrolId: codes.patrols.code(idx.patrol[i]!), category: codes.categories.code(idx.category[i]!),
      state: codes.states.code(idx.state[i]!), lon: idx.lon[i]!, lat: idx.lat[i]!, createdAt: idx.created[i]!, closedAt: idx.closed[i]! || null,
    }));
  }

  async report(w: CaseWindow, q: FilterQuery) {
    checkWindow(w, LIMITS.windowDays);
    const filter = filterOf(q);
    const rows = selectRows(this.d.index, w, filter);
    const prev = selectRows(this.d.index, { from: w.from - (w.to - w.from), to: w.from }, filter);
    const covFrom = Math.max(w.from, w.to - LIMITS.coverageDays * DAY_MS);
    const [assessment, coverage, duty] = await Promise.all([this.assessment(q, 1), this.coverage({ from: covFrom, to: w.to }), this.duty()]);
    return {
      from: w.from, to: w.to, generatedAt: this.now(), filter: filter as Record<string, string[]>,
      summary: summary(this.d.index, rows),
      previous: summary(this.d.index, prev),
      streets: sortRankings(rankings(this.d.index, rows, 'street'), 'cases', 'desc').slice(0, 10),
      units: sortRankings(rankings(this.d.index, rows, 'unit'), 'onTimeRate', 'asc'),
      items: assessment.items.map((i) => ({ code: i.code, zh: i.zh, open: i.open, overdueOpen: i.overdueOpen })),
      coverage: {
        firstDay: coverage.firstDay, days: coverage.days,
        cells: coverage.cells.reduce((a, b) => a + b, 0), visited: coverage.visited.reduce((a, b) => a + b, 0),
      },
      uncoveredSections: duty.sections.filter((s) => s.uncovered).map((s) => ({ section: s.section, name: s.name, unit: s.unit })),
      sitesAtRisk: this.sites(q).sites.slice(0, 10),
    };
  }

  meta() {
    const { areas, codes, heat } = this.d.index.ctx;
    const cats = new Map(this.d.categories().map((c) => [c.code, c]));
    const streetDistrict = (s: number) => (areas.streetDistrict[s] ?? -1);
    return {
      districts: areas.districts.codes.map((code) => ({ code, name: areas.name(code) })),
      streets: areas.streets.codes.map((code, s) => ({ code, name: areas.name(code), district: streetDistrict(s) >= 0 ? areas.districts.code(streetDistrict(s)) : null })),
      communities: areas.communities.codes.map((code, m) => {
        const s = areas.communityStreet[m] ?? -1;
        return { code, name: areas.name(code), street: s >= 0 ? areas.streets.code(s) : null };
      }),
      cells: [...areas.cells.codes],
      categories: codes.categories.codes.map((code) => {
        const c = cats.get(code);
        return { code, name: c?.zh ?? code, item: c?.item ?? '', unit: c?.unit ?? '' };
      }),
      items: codes.items.codes.map((code) => ({ code, name: ITEM_BY_CODE.get(code)?.zh ?? code })),
      units: codes.units.codes.map((code) => ({ code, name: UNIT_BY_CODE.get(code)?.zh ?? code })),
      states: [...codes.states.codes],
      sources: [...codes.sources.codes],
      heat: { lon0: heat.lon0, lat0: heat.lat0, res: heat.res, width: heat.width, height: heat.height, scales: [...HEAT_SCALES] },
    };
  }
}
