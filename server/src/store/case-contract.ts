// The cases part of the store contract (see store-contract.ts): codes, the event trail and its
// global seq, idempotency keys, optimistic versions, every list filter, escalation and stats.
import { describe, expect, it } from 'vitest';
import type { Case, CaseQuery } from '@cw/shared/schemas/cases';
import { ConflictError, UniqueViolation, type CaseChange, type Store } from './types.ts';
import { chinaDayStart } from '../cases/case-code.ts';

type Draft = Omit<Case, 'id' | 'code'>;

// Monday 2026-11-23 09:00 China time.
const T0 = Date.parse('2026-11-23T09:00:00+08:00');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const draft = (over: Partial<Draft> = {}): Draft => ({
  state: 'reported', category: 'street_dirty', item: 'sanitation', unit: 'cgj', priority: 'normal', source: 'dispatcher',
  lon: 114.02, lat: 32.95, cell: '4117020010010001', community: '411702001001', street: '411702001', district: '411702',
  description: '路面有垃圾', address: '解放路 12 号', reporter: 'duty', patrolId: null,
  createdAt: T0, updatedAt: T0, deadlineAt: T0 + 4 * HOUR, closedAt: null, overdue: false, escalation: 0,
  photos: [], deferredFrom: null, deferredUntil: null, version: 1, ...over,
});
const created = (at = T0): CaseChange => ({ type: 'created', at, actor: 'duty', to: 'reported' });
const changed = (at: number, commandId?: string): CaseChange => ({ type: 'commented', at, actor: 'duty', note: 'n', commandId: commandId ?? null });
const bump = (c: Case, over: Partial<Case> = {}): Case => ({ ...c, updatedAt: c.updatedAt + 1, ...over, version: c.version + 1 });

export function describeCaseContract(use: () => Store): void {
  const create = async (over: Partial<Draft> = {}, clientRef?: string) =>
    (await use().cases.create(draft(over), created(over.createdAt), clientRef)).case;

  describe('cases: writing', () => {
    it('numbers cases per China-time day and returns the created event', async () => {
      const e1 = await use().cases.create(draft(), { type: 'created', at: T0, actor: 'duty', to: 'reported' });
      expect(e1).toEqual({
        seq: 1, caseId: 'AJ20261123-00001', type: 'created', at: T0, actor: 'duty', action: null, from: null, to: 'reported', note: null,
        case: { ...draft(), id: 'AJ20261123-00001', code: 'AJ20261123-00001' },
      });
      expect((await create()).code).toBe('AJ20261123-00002');
      expect((await create({ createdAt: Date.parse('2026-11-23T23:59:59.999+08:00') })).code).toBe('AJ20261123-00003');
      expect((await create({ createdAt: Date.parse('2026-11-24T00:00:00+08:00') })).code).toBe('AJ20261124-00001');
      expect(await use().cases.get(e1.caseId)).toEqual(e1.case);
      expect(await use().cases.events(e1.caseId)).toEqual([e1]);
      expect(await use().cases.get('AJ20261123-00099')).toBeNull();
    });

    it('returns every field of the document as written', async () => {
      const full = draft({
        state: 'deferred', priority: 'high', source: 'open311', lon: 114.0123456789012, lat: -0.5, cell: null, community: null,
        street: null, district: null, description: '井盖缺失 "quoted" \\ back\nline 🚧', address: '', patrolId: 'P12', closedAt: null,
        overdue: true, escalation: 2, deferredFrom: 'dispatched', deferredUntil: T0 + DAY, version: 7,
        photos: [{ id: 'ph_1', stage: 'before', createdAt: T0, by: 'p1' }, { id: 'ph_2', stage: 'after', createdAt: T0 + 1, by: 'p1' }],
      });
      const c = (await use().cases.create(full, created())).case;
      expect(await use().cases.get(c.id)).toEqual({ ...full, id: c.id, code: c.code });
      expect((await use().cases.events(c.id))[0]?.case).toEqual(c);
    });

    it('applies a clientRef once; the refused twin leaves no gap in codes or seq', async () => {
      const c = await create({}, 'offline-ref-0001');
      expect(await use().cases.getByClientRef('offline-ref-0001')).toEqual(c);
      expect(await use().cases.getByClientRef('offline-ref-0002')).toBeNull();
      await expect(use().cases.create(draft(), created(), 'offline-ref-0001')).rejects.toBeInstanceOf(UniqueViolation);
      const next = await use().cases.create(draft(), created());
      expect([next.case.code, next.seq]).toEqual(['AJ20261123-00002', 2]);
      expect((await use().cases.list({})).total).toBe(2);
    });

    it('replaces the case at the expected version and appends the event', async () => {
      const c = await create();
      const next = bump(c, { state: 'registered', patrolId: 'P3' });
      const change: CaseChange = { type: 'transitioned', at: T0 + 5, actor: 'boss', action: 'register', from: 'reported', to: 'registered', note: '立案', commandId: 'cmd-0001' };
      const e = await use().cases.update(next, 1, change);
      expect(e).toEqual({ seq: 2, caseId: c.id, type: 'transitioned', at: T0 + 5, actor: 'boss', action: 'register', from: 'reported', to: 'registered', note: '立案', case: next });
      expect(await use().cases.get(c.id)).toEqual(next);
      expect(await use().cases.events(c.id)).toHaveLength(2);
      expect(await use().cases.eventByCommand('cmd-0001')).toEqual(e);
      expect(await use().cases.eventByCommand('cmd-0002')).toBeNull();
    });

    it('refuses a stale version or unknown case with ConflictError and writes nothing', async () => {
      const c = await create();
      const v2 = bump(c);
      await use().cases.update(v2, 1, changed(T0 + 1));
      await expect(use().cases.update(bump(c, { state: 'rejected' }), 1, changed(T0 + 2))).rejects.toBeInstanceOf(ConflictError);
      await expect(use().cases.update({ ...v2, id: 'AJ20261123-00042' }, 2, changed(T0 + 2))).rejects.toBeInstanceOf(ConflictError);
      expect(await use().cases.get(c.id)).toEqual(v2);
      expect(await use().cases.lastSeq()).toBe(2);
    });

    it('refuses a reused commandId with UniqueViolation and rolls the case change back', async () => {
      const c = await create();
      const v2 = bump(c);
      await use().cases.update(v2, 1, changed(T0 + 1, 'cmd-dup-0001'));
      await expect(use().cases.update(bump(v2, { state: 'rejected' }), 2, changed(T0 + 2, 'cmd-dup-0001'))).rejects.toBeInstanceOf(UniqueViolation);
      expect(await use().cases.get(c.id)).toEqual(v2);
      expect((await use().cases.update(bump(v2), 2, changed(T0 + 3, 'cmd-new-0001'))).seq).toBe(3);
    });

    it('gives concurrent creates distinct codes and gap-free seqs; one of concurrent updates wins', async () => {
      const made = await Promise.all(Array.from({ length: 16 }, (_, k) => use().cases.create(draft({ description: `c${k}` }), created())));
      const codes = made.map((e) => e.case.code).sort();
      expect(codes).toEqual(Array.from({ length: 16 }, (_, k) => `AJ20261123-${String(k + 1).padStart(5, '0')}`));
      const trail = await use().cases.eventsAfter(0, 100);
      expect(trail.map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, k) => k + 1));
      expect(trail.map((e) => `${e.seq}:${e.caseId}`).sort()).toEqual(made.map((e) => `${e.seq}:${e.caseId}`).sort());

      const target = made[0]!.case;
      const results = await Promise.allSettled(Array.from({ length: 6 }, (_, k) => use().cases.update(bump(target, { description: `v2-${k}` }), 1, changed(T0 + k))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      expect(await use().cases.events(target.id)).toHaveLength(2);
      expect(await use().cases.lastSeq()).toBe(17);
    });

    it('pages the global trail after a seq, each event keeping its own snapshot', async () => {
      expect(await use().cases.lastSeq()).toBe(0);
      expect(await use().cases.eventsAfter(0, 10)).toEqual([]);
      const a = await create();
      await create();
      await use().cases.update(bump(a, { state: 'registered' }), 1, changed(T0 + 1));
      await create();
      expect((await use().cases.eventsAfter(1, 2)).map((e) => e.seq)).toEqual([2, 3]);
      expect((await use().cases.eventsAfter(4, 10))).toEqual([]);
      expect(await use().cases.lastSeq()).toBe(4);
      const [first, second] = await use().cases.events(a.id);
      expect([first?.case.state, first?.case.version, second?.case.state, second?.case.version]).toEqual(['reported', 1, 'registered', 2]);
    });
  });

  describe('cases: list', () => {
    // Created in this order (codes 00001 … 00005); the expected order of the full list is E C D B A:
    // overdue first, then newest, equal times by code.
    const seed = async () => {
      const A = await create({ description: '垃圾 100% 堆放', address: '解放路' });
      const B = await create({
        state: 'closed', category: 'noise', street: '411702002', priority: 'urgent', createdAt: T0 + HOUR, closedAt: T0 + 2 * HOUR,
        lon: 114.06, lat: 32.96, description: 'Noise at night_time', address: 'Main St',
      });
      const C = await create({
        state: 'dispatched', district: '411771', street: '411771001', priority: 'high', createdAt: T0 + 2 * HOUR, overdue: true,
        lon: 114.1, lat: 33, description: 'path\\to\\x', address: '',
      });
      const D = await create({
        state: 'rejected', category: 'illegal_ad', district: null, street: null, createdAt: T0 + 3 * HOUR, closedAt: T0 + 3 * HOUR,
        lon: 114.03, lat: 32.97, description: 'plain',
      });
      const E = await create({
        state: 'in_progress', category: 'noise', priority: 'urgent', createdAt: T0 + 3 * HOUR, overdue: true, lon: 114, lat: 32.9,
        description: '噪音扰民', address: '',
      });
      return { A, B, C, D, E };
    };
    const codes = async (q: CaseQuery) => (await use().cases.list(q)).cases.map((c) => c.code.slice(-1));
    const named = { A: '1', B: '2', C: '3', D: '4', E: '5', F: '6' } as const;
    const expectList = async (q: CaseQuery, letters: string) =>
      expect(await codes(q), JSON.stringify(q)).toEqual([...letters].map((l) => named[l as keyof typeof named]));

    it('orders overdue first, then newest, then by code, and returns the full documents', async () => {
      const { A, E } = await seed();
      const all = await use().cases.list({});
      expect(all.total).toBe(5);
      expect(all.cases[0]).toEqual(E);
      expect(all.cases[4]).toEqual(A);
      // F ties with B on overdue and creation time; the newer code comes first.
      await create({ createdAt: T0 + HOUR });
      await expectList({}, 'ECDFBA');
      await expectList({ limit: 2, offset: 3 }, 'FB');
    });

    it('filters by state and category lists, ignoring blanks', async () => {
      await seed();
      await expectList({ state: 'reported, closed' }, 'BA');
      await expectList({ state: ' ,dispatched,,' }, 'C');
      await expectList({ state: ',' }, 'ECDBA');
      await expectList({ category: 'noise,illegal_ad' }, 'EDB');
    });

    it('filters by district, street, priority, overdue and open', async () => {
      await seed();
      await expectList({ district: '411702' }, 'EBA');
      await expectList({ street: '411702001' }, 'EA');
      await expectList({ priority: 'urgent' }, 'EB');
      await expectList({ overdue: true }, 'EC');
      await expectList({ overdue: false }, 'DBA');
      await expectList({ open: true }, 'ECA');
      await expectList({ open: false }, 'DB');
      await expectList({ district: '411702', open: true, priority: 'urgent' }, 'E');
      await expectList({ state: 'verified' }, '');
    });

    it('searches code, description and address, ignoring ASCII case; % _ and \\ match only themselves', async () => {
      await seed();
      await expectList({ q: '垃圾' }, 'A');
      await expectList({ q: 'main st' }, 'B');
      await expectList({ q: 'NOISE' }, 'B');
      await expectList({ q: '00003' }, 'C');
      await expectList({ q: 'aj2026' }, 'ECDBA');
      await expectList({ q: '%' }, 'A');
      await expectList({ q: '100%' }, 'A');
      await expectList({ q: '_' }, 'B');
      await expectList({ q: 't_t' }, 'B');
      await expectList({ q: 'htxt' }, '');
      await expectList({ q: '\\' }, 'C');
    });

    it('filters by bounding box (edges included) and creation time (since inclusive, until exclusive)', async () => {
      await seed();
      await expectList({ bbox: '114,32.9,114.02,32.95' }, 'EA');
      await expectList({ bbox: '114.05,32.9,114.2,33' }, 'CB');
      await expectList({ since: T0 + HOUR }, 'ECDB');
      await expectList({ until: T0 + 2 * HOUR }, 'BA');
      await expectList({ since: T0 + HOUR, until: T0 + 3 * HOUR }, 'CB');
    });

    it('pages with limit and offset while total counts every match', async () => {
      await seed();
      expect(await use().cases.list({ limit: 2 })).toMatchObject({ total: 5 });
      await expectList({ limit: 2 }, 'EC');
      await expectList({ limit: 2, offset: 2 }, 'DB');
      await expectList({ offset: 4 }, 'A');
      expect(await use().cases.list({ offset: 10 })).toEqual({ total: 5, cases: [] });
      expect(await use().cases.list({ open: true, limit: 1, offset: 1 })).toMatchObject({ total: 3, cases: [{ code: 'AJ20261123-00003' }] });
    });

    it('finds a case by what it became, not what it was', async () => {
      const { A } = await seed();
      await use().cases.update(bump(A, {
        state: 'registered', district: '411771', street: '411771001', lon: 114.15, lat: 33.05, description: 'moved away',
        priority: 'high', overdue: true,
      }), 1, changed(T0 + 9));
      await expectList({ district: '411771' }, 'CA');
      await expectList({ bbox: '114.14,33.04,114.16,33.06' }, 'A');
      await expectList({ q: 'moved' }, 'A');
      await expectList({ q: '垃圾' }, '');
      await expectList({ state: 'registered', priority: 'high' }, 'A');
    });
  });

  describe('cases: escalation and stats', () => {
    it('finds open cases past their deadline that can still escalate, earliest deadline first', async () => {
      const X = await create({ deadlineAt: T0 + HOUR });
      const Y = await create({ deadlineAt: T0, escalation: 2, state: 'dispatched' });
      await create({ deadlineAt: T0 + 5 * HOUR });
      await create({ deadlineAt: T0, state: 'closed', closedAt: T0 });
      await create({ deadlineAt: T0, escalation: 3 });
      expect(await use().cases.openPastDeadline(T0 + HOUR, 10)).toEqual([Y, X]);
      expect(await use().cases.openPastDeadline(T0 + HOUR, 1)).toEqual([Y]);
      expect(await use().cases.openPastDeadline(T0 - 1, 10)).toEqual([]);
    });

    it('counts an empty store as all zero with a full rectification rate', async () => {
      expect(await use().cases.stats(T0, chinaDayStart(T0))).toEqual({
        open: 0, overdue: 0, closedToday: 0, reportedToday: 0, rectificationRate: 1, byDistrict: {}, byStreet: {},
      });
    });

    it('counts open, overdue, closed and reported today, the 30-day rate and per-place breakdowns', async () => {
      const now = T0 + 10 * HOUR;
      const dayStart = chinaDayStart(now);
      await create({ createdAt: dayStart });
      await create({ state: 'dispatched', overdue: true, street: '411702002', createdAt: T0 - 2 * DAY });
      await create({ state: 'closed', closedAt: T0 + HOUR, createdAt: T0 - DAY });
      await create({ state: 'closed', closedAt: dayStart - 1, district: '411771', street: '411771001', createdAt: T0 - 3 * DAY });
      await create({ state: 'rejected', closedAt: T0 + 2 * HOUR, district: null, street: null, createdAt: T0 + HOUR });
      await create({ state: 'returned', overdue: true, district: '411771', street: '411771001', createdAt: T0 - 40 * DAY });
      await create({ createdAt: now + 1 });
      expect(await use().cases.stats(now, dayStart)).toEqual({
        open: 4, overdue: 2, closedToday: 2, reportedToday: 2,
        // Reported in the last 30 days: 2 closed, 3 open (the rejected one counts as neither).
        rectificationRate: 2 / 5,
        byDistrict: {
          411702: { open: 3, overdue: 1, closedToday: 1 },
          411771: { open: 1, overdue: 1, closedToday: 0 },
        },
        byStreet: {
          411702001: { open: 2, overdue: 0, closedToday: 1 },
          411702002: { open: 1, overdue: 1, closedToday: 0 },
          411771001: { open: 1, overdue: 1, closedToday: 0 },
        },
      });
    });
  });
}
