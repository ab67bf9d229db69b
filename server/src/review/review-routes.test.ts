// The review API end to end on the real app: who may call it, what bad input gets, and that the
// answers follow cases written through the case service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';

const DAY = 86400_000;

describe('review API', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const now = Date.now();
  const win = `from=${now - 7 * DAY}&to=${now + DAY}`;
  const get = (url: string, who?: string) => t.app.inject({ url, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

  beforeAll(async () => {
    t = await buildTestApp();
    for (const u of ['admin', 'leader', 'dispatcher', 'wall']) tokens[u] = await t.login(u);
    const officer = { username: 'dispatcher', role: 'dispatcher' as const };
    // Three cases in one street (人民街街道 area), one dispatched then returned, one rejected.
    const a = await t.app.cases.create({ category: 'street_dirty', lon: 114.0105, lat: 32.9505, description: '=1+1, "quoted"' }, officer, 'dispatcher');
    await t.app.cases.create({ category: 'road_vending', lon: 114.0107, lat: 32.9507 }, officer, 'hotline');
    const c = await t.app.cases.create({ category: 'noise', lon: 114.0109, lat: 32.9509 }, officer, 'dispatcher');
    await t.app.cases.transition(c.case.id, { action: 'reject', reason: '重复上报' }, officer);
    expect(a.case.cell).not.toBeNull();
  });
  afterAll(async () => t?.close());

  const readUrls = () => [
    '/api/v1/review/meta',
    `/api/v1/review/choropleth?${win}&level=street`,
    `/api/v1/review/heat?${win}&scale=4`,
    `/api/v1/review/compare?aFrom=${now - 14 * DAY}&aTo=${now - 7 * DAY}&bFrom=${now - 7 * DAY}&bTo=${now + DAY}&level=cell`,
    `/api/v1/review/series?${win}&level=bin&scale=2`,
    `/api/v1/review/rankings?${win}&level=unit`,
    `/api/v1/review/rankings.csv?${win}&level=street`,
    `/api/v1/review/areas.csv?${win}&level=community`,
    '/api/v1/review/assessment?weeks=4',
    '/api/v1/review/assessment.csv',
    '/api/v1/review/assessment/taxonomy',
    '/api/v1/review/sites',
    '/api/v1/review/sites.csv',
    `/api/v1/review/coverage?${win}`,
    `/api/v1/review/coverage.csv?${win}&level=community`,
    '/api/v1/review/coverage/stale?days=7',
    '/api/v1/review/patrols/quiet',
    '/api/v1/review/duty',
    '/api/v1/review/duty.csv',
    '/api/v1/review/duty/shifts',
    `/api/v1/review/replay?from=${now - DAY}&to=${now + DAY}&patrols=P-DEMO-1`,
    `/api/v1/review/report?${win}`,
  ];

  it('lets leaders and admins read, refuses the wall and dispatchers (403) and strangers (401)', async () => {
    for (const url of readUrls()) {
      expect((await get(url)).statusCode, url).toBe(401);
      expect((await get(url, 'wall')).statusCode, url).toBe(403);
      expect((await get(url, 'dispatcher')).statusCode, url).toBe(403);
      expect((await get(url, 'leader')).statusCode, url).toBe(200);
      expect((await get(url, 'admin')).statusCode, url).toBe(200);
    }
  });

  it('lets only admins change the taxonomy and the shift schedule', async () => {
    const taxonomy = (await get('/api/v1/review/assessment/taxonomy', 'leader')).json();
    const shifts = (await get('/api/v1/review/duty/shifts', 'leader')).json();
    expect(shifts.sample).toBe(true);
    const put = (url: string, who: string | null, payload: unknown) =>
      t.app.inject({ method: 'PUT', url, payload: payload as object, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });
    const mine = { ...taxonomy, label: '驻马店市测评体系（导入）', sample: false };
    expect((await put('/api/v1/review/assessment/taxonomy', null, mine)).statusCode).toBe(401);
    expect((await put('/api/v1/review/assessment/taxonomy', 'leader', mine)).statusCode).toBe(403);
    const saved = await put('/api/v1/review/assessment/taxonomy', 'admin', mine);
    expect(saved.statusCode).toBe(200);
    expect((await get('/api/v1/review/assessment', 'leader')).json().label).toBe('驻马店市测评体系（导入）');
    const one = { shifts: [{ section: 'RS001', weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59', team: '城管红马甲', staff: 2 }] };
    expect((await put('/api/v1/review/duty/shifts', 'leader', one)).statusCode).toBe(403);
    expect((await put('/api/v1/review/duty/shifts', 'admin', one)).json()).toEqual({ sample: false, ...one });
    const duty = (await get('/api/v1/review/duty', 'leader')).json();
    const rs001 = duty.sections.find((s: { section: string }) => s.section === 'RS001');
    // Unless the test runs in the last minute of a CST day, the all-day shift is running, with nobody on it.
    if (new Date(Date.now() + 8 * 3600_000).getUTCHours() * 60 + new Date(Date.now() + 8 * 3600_000).getUTCMinutes() < 23 * 60 + 59) {
      expect(rs001).toMatchObject({ uncovered: true, present: [] });
    }
  });

  it('answers 400 to bad parameters and bodies', async () => {
    const bad = [
      '/api/v1/review/choropleth?level=street',
      `/api/v1/review/choropleth?from=${now}&to=${now}&level=street`,
      `/api/v1/review/choropleth?${win}&level=planet`,
      `/api/v1/review/choropleth?${win}&level=street&metric=mood`,
      `/api/v1/review/choropleth?${win}&level=street&street=999999999`,
      `/api/v1/review/choropleth?${win}&level=street&colour=red`,
      `/api/v1/review/choropleth?from=abc&to=${now}&level=street`,
      `/api/v1/review/choropleth?from=0&to=${now}&level=street`,
      `/api/v1/review/heat?${win}&scale=3`,
      `/api/v1/review/series?from=${now - 100 * DAY}&to=${now}&level=cell`,
      `/api/v1/review/rankings?${win}&level=cell`,
      `/api/v1/review/rankings?${win}&level=unit&sort=vibes`,
      `/api/v1/review/coverage?from=${now - 100 * DAY}&to=${now}`,
      '/api/v1/review/coverage/stale?days=0',
      '/api/v1/review/coverage/stale',
      `/api/v1/review/replay?from=${now - DAY}&to=${now}&patrols=NOPE`,
      `/api/v1/review/replay?from=${now - 8 * DAY}&to=${now}&patrols=P-DEMO-1`,
      '/api/v1/review/sites?radius=5',
      '/api/v1/review/assessment?weeks=53',
    ];
    for (const url of bad) {
      const res = await get(url, 'leader');
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message, url).toBeTruthy();
    }
    const put = (url: string, payload: unknown) =>
      t.app.inject({ method: 'PUT', url, payload: payload as object, headers: { authorization: `Bearer ${tokens.admin}` } });
    expect((await put('/api/v1/review/duty/shifts', { shifts: [{ section: 'RS999', weekdays: [1], start: '07:00', end: '09:00', team: 't', staff: 1 }] })).statusCode).toBe(400);
    expect((await put('/api/v1/review/duty/shifts', { shifts: [{ section: 'RS001', weekdays: [8], start: '07:00', end: '09:00', team: 't', staff: 1 }] })).statusCode).toBe(400);
    const tax = (await get('/api/v1/review/assessment/taxonomy', 'leader')).json();
    tax.items[0].contents[0].categories = ['street_dirty'];
    expect((await put('/api/v1/review/assessment/taxonomy', tax)).statusCode).toBe(400);
  });

  it('counts cases written through the case service, live', async () => {
    const meta = (await get('/api/v1/review/meta', 'leader')).json();
    const res = (await get(`/api/v1/review/choropleth?${win}&level=street`, 'leader')).json();
    expect(res.total).toBe(3);
    expect(res.counts.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    const street = meta.streets[res.ids[0]].code;
    const closedOnly = (await get(`/api/v1/review/choropleth?${win}&level=street&state=rejected`, 'leader')).json();
    expect(closedOnly.total).toBe(1);
    const ranks = (await get(`/api/v1/review/rankings?${win}&level=street`, 'leader')).json();
    expect(ranks.rows).toEqual([expect.objectContaining({ code: street, cases: 3, open: 2, closed: 0 })]);
    const heat = (await get(`/api/v1/review/heat?${win}&scale=1&category=street_dirty,road_vending`, 'leader')).json();
    expect(heat.total).toBe(2);
    expect(heat.bins.filter((_: number, k: number) => k % 3 === 2).reduce((a: number, b: number) => a + b, 0)).toBe(2);
  });

  it('exports rankings as Excel-ready CSV', async () => {
    const res = await get(`/api/v1/review/rankings.csv?${win}&level=street`, 'leader');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="rankings-street-\d{8}-\d{8}\.csv"$/);
    expect(res.body.startsWith('\uFEFF排名,街道代码,街道,案件数')).toBe(true);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1,\d{9},[^,]+,3,0,2,0,0,,,,0,$/);
  });

  it('reports coverage from fixes as they arrive (the live ingest hook), and the cells nobody visited', async () => {
    const patrol = t.app.live.byPatrolId('P-DEMO-1')!;
    t.app.live.report(patrol.index, { time: Date.now(), lon: 114.0105, lat: 32.9505, speed: 1, heading: 0 });
    const cov = (await get(`/api/v1/review/coverage?${win}`, 'leader')).json();
    expect(cov.visitedCells).toHaveLength(1);
    expect(cov.visited.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    const stale = (await get('/api/v1/review/coverage/stale?days=1', 'leader')).json();
    const meta = (await get('/api/v1/review/meta', 'leader')).json();
    expect(stale.cells).toHaveLength(meta.cells.length - 1);
    expect(stale.cells).not.toContain(cov.visitedCells[0]);
  });

  it('builds the printable report', async () => {
    const r = (await get(`/api/v1/review/report?${win}`, 'leader')).json();
    expect(r.summary).toMatchObject({ cases: 3, open: 2, closed: 0 });
    expect(r.previous.cases).toBe(0);
    expect(r.streets).toHaveLength(1);
    expect(r.items).toHaveLength(12);
    expect(r.coverage.cells).toBeGreaterThan(20000);
  });
});
