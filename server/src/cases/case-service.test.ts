import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../store/sqlite/store.ts';
import { CaseRules } from '../settings/case-rules.ts';
import { fakeLocator } from '../test/fake-locator.ts';
import { CaseBus } from './case-bus.ts';
import { CaseService, type Actor } from './case-service.ts';
import type { CaseEvent } from '@cw/shared/schemas/cases';

const officer: Actor = { username: 'duty', role: 'dispatcher' };
const patrol: Actor = { username: 'p1', role: 'patrol', patrolId: 'P1' };
// Monday 2026-11-23 09:00 China time: inside working hours.
const MONDAY_9 = Date.parse('2026-11-23T09:00:00+08:00');

async function setup() {
  const store = createSqliteStore(':memory:');
  const bus = new CaseBus();
  const events: CaseEvent[] = [];
  bus.on('event', (e) => events.push(e));
  let now = MONDAY_9;
  const busy = new Map<string, boolean>();
  const cases = new CaseService({
    repo: store.cases, locator: fakeLocator(), bus, rules: await CaseRules.load(store.settings), now: () => now,
    onAssignment: (id, b) => busy.set(id, b),
  });
  return { store, cases, events, busy, setNow: (t: number) => { now = t; } };
}

describe('CaseService', () => {
  it('creates a located case with a working-hours deadline and publishes one event', async () => {
    const { cases, events } = await setup();
    const e = await cases.create({ category: 'street_dirty', lon: 114.0105, lat: 32.9505, description: 'x' }, officer, 'dispatcher');
    expect(e.case).toMatchObject({ state: 'reported', cell: '4117020010010001', community: '411702001001', street: '411702001', district: '411702', unit: 'cgj' });
    expect(e.case.code).toBe('AJ20261123-00001');
    // 4 working hours from Monday 09:00 → 12:00 is 3 h, then 14:30 + 1 h.
    expect(e.case.deadlineAt).toBe(Date.parse('2026-11-23T15:30:00+08:00'));
    expect(events).toHaveLength(1);
  });

  it('runs the whole lifecycle and keeps the busy flag in step', async () => {
    const { cases, store, busy } = await setup();
    const { case: c } = await cases.create({ category: 'street_dirty', lon: 114.02, lat: 32.95, description: '' }, officer, 'dispatcher');
    await cases.transition(c.id, { action: 'dispatch', patrolId: 'P1', unit: 'cgj' }, officer);
    expect(busy.get('P1')).toBe(true);
    await expect(cases.transition(c.id, { action: 'acknowledge' }, { ...patrol, patrolId: 'P2', username: 'p2' })).rejects.toMatchObject({ code: 'forbidden' });
    await cases.transition(c.id, { action: 'acknowledge' }, patrol);
    await expect(cases.transition(c.id, { action: 'report_done', afterPhotoId: 'ph_missing' }, patrol)).rejects.toMatchObject({ code: 'bad_request' });
    await cases.attachPhoto(c.id, { id: 'ph_1', stage: 'after', createdAt: MONDAY_9, by: 'p1' }, patrol);
    await cases.transition(c.id, { action: 'report_done', afterPhotoId: 'ph_1' }, patrol);
    expect(busy.get('P1')).toBe(false);
    await cases.transition(c.id, { action: 'verify_pass' }, officer);
    const closed = await cases.transition(c.id, { action: 'close' }, officer);
    expect(closed.case).toMatchObject({ state: 'closed', closedAt: MONDAY_9 });
    const trail = await store.cases.events(c.id);
    expect(trail.map((e) => e.action ?? e.type)).toEqual(['created', 'dispatch', 'acknowledge', 'photo', 'report_done', 'verify_pass', 'close']);
    await expect(cases.transition(c.id, { action: 'dispatch', patrolId: 'P1', unit: 'cgj' }, officer)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets only one of two concurrent dispatches win', async () => {
    const { cases } = await setup();
    const { case: c } = await cases.create({ category: 'noise', lon: 114.02, lat: 32.95, description: '' }, officer, 'dispatcher');
    const results = await Promise.allSettled([
      cases.transition(c.id, { action: 'dispatch', patrolId: 'P1', unit: 'gaj', expectedVersion: 1 }, officer),
      cases.transition(c.id, { action: 'dispatch', patrolId: 'P2', unit: 'gaj', expectedVersion: 1 }, { username: 'duty2', role: 'dispatcher' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'conflict', statusCode: 409 });
  });

  it('applies a replayed command once (offline queue)', async () => {
    const { cases, store } = await setup();
    const { case: c } = await cases.create({ category: 'noise', lon: 114.02, lat: 32.95, description: '' }, officer, 'dispatcher');
    await cases.transition(c.id, { action: 'dispatch', patrolId: 'P1', unit: 'gaj' }, officer);
    const a = await cases.transition(c.id, { action: 'acknowledge', commandId: 'cmd-0000-0001' }, patrol);
    const b = await cases.transition(c.id, { action: 'acknowledge', commandId: 'cmd-0000-0001' }, patrol);
    expect(b.seq).toBe(a.seq);
    expect((await store.cases.events(c.id)).filter((e) => e.action === 'acknowledge')).toHaveLength(1);
    await expect(cases.comment(c.id, 'hi', officer, 'cmd-0000-0001')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('marks overdue cases and escalates up the grid chain, never back down', async () => {
    const { cases, setNow, events } = await setup();
    const { case: c } = await cases.create({ category: 'noise', lon: 114.02, lat: 32.95, description: '' }, officer, 'dispatcher');
    // noise: urgent, 2 calendar hours; steps of 1 h.
    setNow(MONDAY_9 + 2 * 3600_000 - 1);
    expect(await cases.escalateDue()).toHaveLength(0);
    setNow(MONDAY_9 + 2 * 3600_000);
    const [first] = await cases.escalateDue();
    expect(first!.case).toMatchObject({ overdue: true, escalation: 1 });
    expect(first!.note).toContain('社区网格长');
    expect(await cases.escalateDue()).toHaveLength(0);
    setNow(MONDAY_9 + 4 * 3600_000);
    const [third] = await cases.escalateDue();
    expect(third!.case.escalation).toBe(3);
    expect(events.filter((e) => e.type === 'escalated')).toHaveLength(2);
  });

  it('refuses unknown categories and places outside the territory', async () => {
    const { cases } = await setup();
    await expect(cases.create({ category: 'x', lon: 114.02, lat: 32.95, description: '' }, officer, 'dispatcher')).rejects.toMatchObject({ statusCode: 400 });
    await expect(cases.create({ category: 'noise', lon: 116, lat: 40, description: '' }, officer, 'dispatcher')).rejects.toMatchObject({ statusCode: 400 });
  });
});
