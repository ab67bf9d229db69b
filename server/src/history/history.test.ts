// A small generated history read back through the store, the case service and the review index:
// it must look exactly like history the live system wrote, and the same seed must give the same store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Compile from 'typebox/compile';
import { Case } from '@cw/shared/schemas/cases';
import { createSqliteStore } from '../store/sqlite/store.ts';
import { openDatabase } from '../store/sqlite/open-database.ts';
import type { Store } from '../store/types.ts';
import { CaseService } from '../cases/case-service.ts';
import { CaseBus } from '../cases/case-bus.ts';
import { caseCodeDay } from '../cases/case-code.ts';
import { CaseRules } from '../settings/case-rules.ts';
import { loadLayers } from '../geo/layers.ts';
import { Locator } from '../geo/locator.ts';
import { CaseIndex } from '../review/case-index.ts';
import { ReviewAreas } from '../review/areas.ts';
import { Codebook } from '../review/codebook.ts';
import { HeatGrid } from '../review/heat-grid.ts';
import { sqliteReviewRepo } from '../review/sqlite-review-repo.ts';
import { distanceToLineM } from '../review/road-duty.ts';
import { CoverageLedger } from '../review/coverage.ts';
import { cstDay, cstDayStart } from '../review/days.ts';
import type { HistoryOptions } from './generate-history.ts';
import { fillStore, type HistoryResult } from './fill-store.ts';
import { StoreBusyError } from './history-writer.ts';

const LAYERS = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'data');
const END = Date.parse('2026-06-30T18:00:00+08:00');
const options = (dataDir: string): HistoryOptions => ({
  cases: 3000, days: 30, seed: 11, end: END, patrols: 40, patrolDays: 2, fixSeconds: 30, assessmentMmdd: '07-15', layersDir: LAYERS, dataDir,
});
const checkCase = Compile(Case);

/** Everything generated, in a stable order: case documents, events with their seq, fixes. */
function digest(file: string): string {
  const d = openDatabase(file);
  const h = createHash('sha256');
  for (const r of d.prepare<[], { doc: string }>('SELECT doc FROM cases ORDER BY id').iterate()) h.update(r.doc);
  for (const r of d.prepare<[], { snapshot: string; seq: number }>('SELECT seq, snapshot FROM case_events ORDER BY seq').iterate()) h.update(`${r.seq}${r.snapshot}`);
  for (const r of d.prepare<[], { t: number; lon: number }>('SELECT t, lon FROM positions ORDER BY patrol_idx, t').iterate()) h.update(`${r.t},${r.lon}`);
  d.close();
  return h.digest('hex');
}

describe('generated history', () => {
  const dirs: string[] = [];
  const fresh = () => { const d = mkdtempSync(join(tmpdir(), 'cw-history-')); dirs.push(d); return d; };
  let dir: string;
  let store: Store;
  let db: ReturnType<typeof openDatabase>;
  let result: HistoryResult;
  let firstDigest: string;

  beforeAll(async () => {
    dir = fresh();
    // The CLI's way: generated on a worker thread, written on this one.
    result = await fillStore(options(dir), { worker: true });
    firstDigest = digest(join(dir, 'command-center.db'));
    store = createSqliteStore(dir);
    db = openDatabase(join(dir, 'command-center.db'));
  });
  afterAll(async () => {
    await store?.close();
    db?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes the requested cases, each a valid case whose event trail ends in its stored document', async () => {
    expect(result).toMatchObject({ cases: 3000, patrols: 40 });
    const { total } = await store.cases.list({ limit: 1 });
    expect(total).toBe(3000);
    const { cases } = await store.cases.list({ limit: 300, offset: 1000 });
    for (const c of cases) {
      expect(checkCase.Check(c), c.id).toBe(true);
      const events = await store.cases.events(c.id);
      expect(events[0]).toMatchObject({ type: 'created', to: 'reported' });
      expect(events.map((e) => e.case.version)).toEqual(events.map((_, k) => k + 1));
      expect(events[events.length - 1]!.case).toEqual(c);
      expect(c.createdAt).toBeLessThanOrEqual(END);
      expect(c.updatedAt).toBeLessThanOrEqual(END);
    }
  });

  it('numbers cases per day in creation order, with counters the live service continues from', () => {
    const rows = db.prepare<[], { id: string; created_at: number }>('SELECT id, created_at FROM cases ORDER BY created_at, id').all();
    const perDay = new Map<string, number>();
    for (const r of rows) {
      const day = caseCodeDay(r.created_at);
      const n = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, n);
      expect(r.id).toBe(`AJ${day}-${String(n).padStart(5, '0')}`);
    }
    const counters = db.prepare<[], { day: string; last: number }>('SELECT day, last FROM case_codes').all();
    expect(new Map(counters.map((c) => [c.day, c.last]))).toEqual(perDay);
  });

  it('gives events a seq in time order, and rebuilds every index it dropped', () => {
    const inversions = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM (SELECT at, LAG(at) OVER (ORDER BY seq) AS prev FROM case_events) WHERE at < prev`).get()!;
    expect(inversions.n).toBe(0);
    const indexes = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all().map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['case_events_case', 'case_events_command', 'cases_closed', 'cases_created', 'cases_open_deadline', 'cases_street', 'positions_patrol_t']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('leaves open cases the case service can carry on with, and little for the escalation sweep to catch up', async () => {
    const rules = await CaseRules.load(store.settings);
    const locator = new Locator(loadLayers(LAYERS));
    const service = new CaseService({ repo: store.cases, locator, bus: new CaseBus(), rules, now: () => END + 1000 });
    const { cases: open } = await store.cases.list({ state: 'dispatched', limit: 5 });
    expect(open.length).toBeGreaterThan(0);
    const next = await service.transition(open[0]!.id, { action: 'acknowledge', expectedVersion: open[0]!.version }, { username: 'dispatcher', role: 'dispatcher' });
    expect(next.case).toMatchObject({ state: 'in_progress', version: open[0]!.version + 1 });
    expect((await service.escalateDue()).length).toBeLessThanOrEqual(3);
  });

  it('records patrol tracks for the last days only, grid members mostly on their own street', () => {
    const fixes = db.prepare<[], { t: number; lon: number; lat: number; kind: string; home: string }>(
      'SELECT p.t, p.lon, p.lat, pa.kind, pa.home_street AS home FROM positions p JOIN patrols pa ON pa.idx = p.patrol_idx').all();
    expect(fixes.length).toBe(result.positions);
    expect(fixes.length).toBeGreaterThan(1000);
    for (const f of fixes) {
      expect(f.t).toBeLessThanOrEqual(END);
      expect(f.t).toBeGreaterThanOrEqual(cstDayStart(cstDay(END) - 1));
    }
    const locator = new Locator(loadLayers(LAYERS));
    const grid = fixes.filter((f) => f.kind === 'grid_member');
    const home = grid.filter((f) => locator.locate(f.lon, f.lat).street === f.home).length / grid.length;
    expect(home).toBeGreaterThan(0.7);
  });

  it('sends red-vest volunteers to their road sections in their shifts', () => {
    const layers = loadLayers(LAYERS);
    const sections = new Map((JSON.parse(layers.files.get('road-sections')!.raw.toString('utf8')) as { features: { properties: { id: string }; geometry: { coordinates: [number, number][] } }[] })
      .features.map((f) => [f.properties.id, f.geometry.coordinates]));
    const fixes = db.prepare<[], { lon: number; lat: number; idx: number }>(
      "SELECT p.lon, p.lat, p.patrol_idx AS idx FROM positions p JOIN patrols pa ON pa.idx = p.patrol_idx WHERE pa.kind = 'volunteer'").all();
    expect(fixes.length).toBeGreaterThan(0);
    // Each volunteer's fixes mostly hug one section (visits to cases pull some away).
    const byPatrol = new Map<number, { lon: number; lat: number }[]>();
    for (const f of fixes) byPatrol.set(f.idx, [...(byPatrol.get(f.idx) ?? []), f]);
    for (const list of byPatrol.values()) {
      const best = Math.max(...[...sections.values()].map((line) => list.filter((f) => distanceToLineM(f.lon, f.lat, line) <= 100).length));
      expect(best / list.length).toBeGreaterThan(0.6);
    }
  });

  it('loads into the review index with its rework marks', async () => {
    const layers = loadLayers(LAYERS);
    const index = await CaseIndex.load(sqliteReviewRepo(db), {
      areas: new ReviewAreas(layers), codes: new Codebook((await CaseRules.load(store.settings)).categories()), heat: new HeatGrid(new Locator(layers).bbox),
    });
    expect(index.size).toBe(3000);
    const reworked = db.prepare<[], { n: number }>("SELECT COUNT(DISTINCT case_id) AS n FROM case_events WHERE action = 'verify_fail'").get()!.n;
    expect(reworked).toBeGreaterThan(0);
    expect(Array.from(index.flags).filter((f) => f & 2).length).toBe(reworked);
  });

  it('feeds patrol coverage from the stored tracks: each street\'s visited cells, counted one by one', async () => {
    const layers = loadLayers(LAYERS);
    const locator = new Locator(layers);
    const areas = new ReviewAreas(layers);
    const ledger = new CoverageLedger(areas, (lon, lat) => locator.cells.find(lon, lat), sqliteReviewRepo(db));
    const last = cstDay(END);
    await ledger.ensureDays(last - 1, last);
    const cov = ledger.byArea(ledger.visited(last - 1, last), 'street');
    const brute = new Map<string, Set<string>>();
    for (const f of db.prepare<[], { lon: number; lat: number }>('SELECT lon, lat FROM positions').iterate()) {
      const place = locator.locate(f.lon, f.lat);
      if (!place.cell || !place.street) continue;
      brute.set(place.street, (brute.get(place.street) ?? new Set()).add(place.cell));
    }
    const got = new Map(cov.ids.map((id, k) => [areas.streets.code(id), cov.visited[k]!] as const).filter(([, n]) => n > 0));
    expect(got).toEqual(new Map([...brute].map(([street, cells]) => [street, cells.size])));
    expect(got.size).toBeGreaterThan(3);
  });

  it('is deterministic: the same options and seed write the same store, with or without the worker', async () => {
    const again = fresh();
    await fillStore(options(again), { worker: false });
    expect(digest(join(again, 'command-center.db'))).toBe(firstDigest);
  });

  it('refuses to fill a store twice, or one a running server holds open', async () => {
    const twice = fresh();
    const small = { ...options(twice), cases: 20, days: 2, patrolDays: 0 };
    await fillStore(small, { worker: false });
    await expect(fillStore(small, { worker: false })).rejects.toThrow(/already holds generated history/);
    const busy = fresh();
    const server = openDatabase(join(busy, 'command-center.db'));
    try {
      await expect(fillStore(options(busy), { worker: false })).rejects.toThrow(StoreBusyError);
    } finally {
      server.close();
    }
  });
});
