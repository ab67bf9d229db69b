// The import flow through the real app: upload → background validation → report → apply (a new
// live layer, the locator answers from it, displays are told) → undo; failures change nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobView, LayerHistory } from '@cw/shared/schemas/imports';
import { buildTestApp, listen, once, type TestApp } from '../test/build-test-app.ts';
import { parseCsv } from './read-csv.ts';

interface Fc { type: 'FeatureCollection'; features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] }

const DATA = join(import.meta.dirname, '../../../data');
const committed = (layer: string) => JSON.parse(readFileSync(join(DATA, `${layer}.geojson`), 'utf8')) as Fc;

/** Two village communities of one street outside the unit grid (so the locator answers from the
 *  communities layer), and a point inside the first. */
function villagePair(): { a: string; b: string; point: [number, number] } {
  const gridded = new Set(committed('grid').features.map((f) => f.properties.community as string));
  const villages = committed('communities').features.filter((f) => !gridded.has(f.properties.code as string));
  for (const f of villages) {
    const twin = villages.find((g) => g !== f && g.properties.streetCode === f.properties.streetCode);
    if (!twin) continue;
    const ring = (f.geometry.type === 'Polygon' ? (f.geometry.coordinates as number[][][])[0] : (f.geometry.coordinates as number[][][][])[0]![0])!;
    const corners = ring.slice(0, -1);
    const point: [number, number] = [corners.reduce((s, p) => s + p[0]!, 0) / corners.length, corners.reduce((s, p) => s + p[1]!, 0) / corners.length];
    return { a: f.properties.code as string, b: twin.properties.code as string, point };
  }
  throw new Error('no two village communities in one street');
}

/** The committed communities with the properties of a and b swapped (each takes the other's outline). */
function swapped(a: string, b: string): Fc {
  const fc = committed('communities');
  const fa = fc.features.find((f) => f.properties.code === a)!;
  const fb = fc.features.find((f) => f.properties.code === b)!;
  [fa.properties, fb.properties] = [fb.properties, fa.properties];
  return fc;
}

describe('layer imports through the API', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  const pair = villagePair();

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.login('admin');
    leader = await t.login('leader');
  });
  afterAll(async () => t.close());

  const auth = () => ({ authorization: `Bearer ${admin}` });
  const upload = async (layer: string, body: Buffer | string, format = 'geojson', extra = '') => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports?layer=${layer}&format=${format}&name=${encodeURIComponent('社区.geojson')}${extra}`, headers: { ...auth(), 'content-type': 'application/octet-stream' }, payload: body });
    expect(res.statusCode, res.body).toBe(202);
    return res.json<ImportJobView>();
  };
  const settle = async (id: string): Promise<ImportJobView> => {
    for (;;) {
      const job = (await t.app.inject({ url: `/api/v1/imports/${id}`, headers: auth() })).json<ImportJobView>();
      if (job.state !== 'reading' && job.state !== 'checking') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const history = async (layer: string) => (await t.app.inject({ url: `/api/v1/layers/${layer}/versions`, headers: auth() })).json<LayerHistory>();

  it('an applied import replaces the live layer (locator, served bytes, displays told); undo brings the old one back', async () => {
    const { url, connect } = await listen(t.app);
    expect(url).toMatch(/^http/);
    const socket = await connect(await t.login('dispatcher'));
    const before = (await t.app.inject({ url: '/api/v1/layers/communities', headers: auth() }));
    expect(t.app.geo.locator.locate(...pair.point).community).toBe(pair.a);

    const job = await upload('communities', JSON.stringify(swapped(pair.a, pair.b)));
    expect(job.state).toBe('reading');
    const ready = await settle(job.id);
    expect(ready.state).toBe('ready');
    expect(ready.progress).toBe(1);
    expect(ready.report!.counts).toMatchObject({ features: 231, accepted: 231, rejected: 0, errors: 0 });
    expect(ready.report!.sourceName).toBe('社区.geojson');

    const told = once<{ layer: string; version: number }>(socket, 'layers:changed');
    const applied = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/apply`, headers: auth() });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json<ImportJobView>()).toMatchObject({ state: 'applied', version: 1 });
    expect(await told).toEqual({ layer: 'communities', version: 1 });
    expect(t.app.geo.versions.communities).toBe(1);
    expect(t.app.geo.locator.locate(...pair.point).community).toBe(pair.b);
    const after = await t.app.inject({ url: '/api/v1/layers/communities', headers: auth() });
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((JSON.parse(after.body) as Fc).features.find((f) => f.properties.code === pair.b)).toBeTruthy();
    // The review's dictionaries are rebuilt from the new layers too.
    await expect.poll(() => t.app.review.meta()).toBeTruthy();

    const h = await history('communities');
    expect(h.active).toBe(1);
    expect(h.versions).toMatchObject([{ version: 1, active: true, createdBy: 'admin', featureCount: 231, sourceName: '社区.geojson' }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/apply`, headers: auth() })).statusCode).toBe(409);

    const toldBack = once<{ layer: string; version: number }>(socket, 'layers:changed');
    const undo = await t.app.inject({ method: 'POST', url: '/api/v1/layers/communities/undo', headers: auth() });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json<LayerHistory>()).toMatchObject({ active: 0, versions: [{ version: 1, active: false }] });
    expect(await toldBack).toEqual({ layer: 'communities', version: 0 });
    expect(t.app.geo.locator.locate(...pair.point).community).toBe(pair.a);
    expect((await t.app.inject({ url: '/api/v1/layers/communities', headers: auth() })).headers.etag).toBe(before.headers.etag);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/layers/communities/undo', headers: auth() })).statusCode).toBe(409);
    socket.close();
  });

  it('a report with errors cannot be applied, an unreadable file fails with its reason; neither changes anything', async () => {
    const fc = committed('communities');
    fc.features[1]!.properties.code = fc.features[0]!.properties.code;
    const bad = await settle((await upload('communities', JSON.stringify(fc))).id);
    expect(bad.state).toBe('ready');
    expect(bad.report!.counts.errors).toBeGreaterThan(0);
    expect(bad.report!.errors[0]).toMatchObject({ feature: 1, rule: 'code_duplicate' });
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${bad.id}/apply`, headers: auth() });
    expect(refused.statusCode).toBe(422);

    const broken = await settle((await upload('grid', 'PK\u0003\u0004 not really', 'shapefile')).id);
    expect(broken).toMatchObject({ state: 'failed', failure: { statusCode: 400 } });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/imports/${broken.id}/apply`, headers: auth() })).statusCode).toBe(409);
    expect(await t.app.store.layers.list('communities')).toHaveLength(1);
    expect(await t.app.store.layers.active()).toEqual([]);
    expect(t.app.geo.versions.communities).toBe(0);
  });

  it('refuses uploads without a file, in an unknown format, or from a non-admin', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/imports?layer=grid&format=geojson', headers: { ...auth(), 'content-type': 'application/octet-stream' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    const format = await t.app.inject({ method: 'POST', url: '/api/v1/imports?layer=grid&format=dwg', headers: { ...auth(), 'content-type': 'application/octet-stream' }, payload: 'x' });
    expect(format.statusCode).toBe(400);
    const leaderTry = await t.app.inject({ method: 'POST', url: '/api/v1/imports?layer=grid&format=geojson', headers: { authorization: `Bearer ${leader}`, 'content-type': 'application/octet-stream' }, payload: 'x' });
    expect(leaderTry.statusCode).toBe(403);
  });

  it('of two ready imports applied at once exactly one wins; the other is told to refresh', async () => {
    const a = await settle((await upload('streets', JSON.stringify(committed('streets')))).id);
    const b = await settle((await upload('streets', JSON.stringify(committed('streets')))).id);
    expect([a.state, b.state]).toEqual(['ready', 'ready']);
    const results = await Promise.all([a, b].map((j) => t.app.inject({ method: 'POST', url: `/api/v1/imports/${j.id}/apply`, headers: auth() })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await history('streets')).versions.map((v) => [v.version, v.active])).toEqual([[1, true]]);
    const loser = [a, b][results.findIndex((r) => r.statusCode === 409)]!;
    expect((await t.app.inject({ url: `/api/v1/imports/${loser.id}`, headers: auth() })).json<ImportJobView>().state).toBe('ready');
  });

  it('an applied version is live again after a restart', async () => {
    const again = await buildTestApp({}, t.dataDir);
    try {
      expect(again.app.geo.versions.streets).toBe(1);
    } finally {
      await again.app.close();
    }
  });

  it('exports a layer as CSV (BOM, every property, lon/lat, WKT) that parses back, and as the served GeoJSON', async () => {
    const res = await t.app.inject({ url: '/api/v1/export/layers/districts.csv', headers: { authorization: `Bearer ${leader}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('districts.csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(res.body.slice(1));
    const fc = committed('districts');
    expect(rows).toHaveLength(fc.features.length + 1);
    expect(rows[0]!.slice(0, 2)).toEqual(['code', 'name']);
    expect(rows[0]!.slice(-3)).toEqual(['lon', 'lat', 'wkt']);
    expect(rows[1]![1]).toBe(fc.features[0]!.properties.name);
    expect(rows[1]!.at(-1)).toMatch(/^(MULTI)?POLYGON \(\(/);
    const geo = await t.app.inject({ url: '/api/v1/export/layers/districts.geojson', headers: { authorization: `Bearer ${leader}` } });
    expect(JSON.parse(geo.body)).toEqual(fc);
  });

  it('exports the case table as CSV and GeoJSON, formulas defused, filtered by state', async () => {
    const dispatcher = await t.login('dispatcher');
    for (const description of ['=HYPERLINK("http://x")', '路边垃圾, 需清理']) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${dispatcher}` }, payload: { category: 'street_dirty', lon: 114.02, lat: 32.98, description } });
      expect(r.statusCode, r.body).toBe(201);
    }
    const csv = await t.app.inject({ url: '/api/v1/export/cases.csv', headers: { authorization: `Bearer ${leader}` } });
    expect(csv.statusCode).toBe(200);
    const rows = parseCsv(csv.body.slice(1));
    const col = rows[0]!.indexOf('description');
    expect(rows.slice(1).map((r) => r[col]).sort()).toEqual(['\'=HYPERLINK("http://x")', '路边垃圾, 需清理']);
    const geo = await t.app.inject({ url: '/api/v1/export/cases.geojson', headers: { authorization: `Bearer ${leader}` } });
    const fc = JSON.parse(geo.body) as Fc;
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [114.02, 32.98] });
    const none = await t.app.inject({ url: '/api/v1/export/cases.geojson?state=closed', headers: { authorization: `Bearer ${leader}` } });
    expect((JSON.parse(none.body) as Fc).features).toHaveLength(0);
    expect((await t.app.inject({ url: '/api/v1/export/cases.csv', headers: { authorization: `Bearer ${dispatcher}` } })).statusCode).toBe(403);
  });
});
