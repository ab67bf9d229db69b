import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { LAYER_NAMES, loadLayers, type LayerName, type LoadedLayers } from '../geo/layers.ts';
import { Locator } from '../geo/locator.ts';
import { readUpload } from './read-upload.ts';
import { validateLayer, type Validated } from './validate-layer.ts';
import type { RawFeature } from './raw-feature.ts';

const DATA = join(import.meta.dirname, '../../../data');
let live: { layers: LoadedLayers; locator: Locator };
beforeAll(() => {
  const layers = loadLayers(DATA);
  live = { layers, locator: new Locator(layers) };
});

const run = (layer: LayerName, features: RawFeature[]): Promise<Validated> =>
  validateLayer({ layer, features, sourceName: 't', format: 'geojson', crsLabel: 'WGS84', notes: [] }, live, async () => {});
const committed = (layer: LayerName) => readUpload(live.layers.files.get(layer)!.raw, 'geojson').features;
const rules = (v: Validated, list: 'errors' | 'warnings' | 'repaired') => v.report[list].map((i) => i.rule);
const poly = (ring: number[][]) => ({ type: 'Polygon', coordinates: [ring] });
const box = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];

describe('validation of the committed layers', () => {
  it.each(LAYER_NAMES.filter((n) => n !== 'grid'))('%s has no errors and changes nothing', async (name) => {
    const v = await run(name, committed(name));
    expect(v.report.errors).toEqual([]);
    expect(v.report.counts.repaired).toBe(0);
    expect(v.features).toHaveLength(v.report.counts.features);
  });

  it("the unit grid has no errors; the build's dropped slivers show as a small gap", async () => {
    const v = await run('grid', committed('grid'));
    expect(v.report.errors).toEqual([]);
    expect(v.report.counts.accepted).toBe(live.layers.grid.features.length);
    for (const w of v.report.warnings) {
      expect(w.rule).toBe('gap');
      expect(w.areaM2).toBeLessThan(10_000);
    }
  }, 120_000);
});

describe('each rule', () => {
  const community = (over: Record<string, unknown>, geometry: unknown = poly(box(113.60, 32.90, 113.61, 32.91))): RawFeature => ({
    properties: { code: '411702001001', name: '测试社区', streetCode: '411702001', districtCode: '411702', ...over },
    geometry: geometry as RawFeature['geometry'],
  });

  it('properties: missing, malformed, duplicate, parent chain, unknown parent, not scalar', async () => {
    const v = await run('communities', [
      community({ name: '' }),
      community({ code: '41170200100' }),
      community({}),
      community({ streetCode: '411702002' }),
      community({ code: '411702999001', streetCode: '411702999' }),
      community({ code: '411702001077', extra: { nested: true } }),
    ]);
    expect(v.report.errors.map((e) => [e.feature, e.rule])).toEqual([
      [0, 'property_missing'],
      [1, 'code_malformed'],
      [2, 'code_duplicate'],
      [3, 'code_duplicate'], [3, 'parent_mismatch'],
      [4, 'parent_unknown'],
      [5, 'not_scalar'],
    ]);
    expect(v.report.counts.rejected).toBe(6);
  });

  it('geometry: repairs closing, repeated points and winding; refuses wrong type, bad numbers, short rings, self-intersection', async () => {
    const open = [[113.60, 32.90], [113.60, 32.91], [113.61, 32.91], [113.61, 32.91], [113.61, 32.90]]; // clockwise, open, repeated point
    const repaired = await run('communities', [community({}, poly(open))]);
    expect(rules(repaired, 'repaired').sort()).toEqual(['duplicate_points_removed', 'rewound', 'ring_closed']);
    expect(repaired.report.errors).toEqual([]);
    const ring = (repaired.features[0]!.geometry.coordinates as number[][][])[0]!;
    expect(ring[0]).toEqual(ring.at(-1));
    expect(ring).toHaveLength(5);

    // The full-district grid's one bad cell: out 1e-6° and straight back along the same line.
    const spike = [[114.161345, 33.019412], [114.162136, 33.019412], [114.162136, 33.020311], [114.162137, 33.020311], [114.161345, 33.020311], [114.161345, 33.019412]];
    const unspiked = await run('communities', [community({}, poly(spike))]);
    expect(rules(unspiked, 'repaired')).toEqual(['spike_removed']);
    expect((unspiked.features[0]!.geometry.coordinates as number[][][])[0]).toHaveLength(5);

    const bowtie = [[113.60, 32.90], [113.62, 32.91], [113.62, 32.90], [113.60, 32.915], [113.60, 32.90]]; // lobes of unequal size
    const v = await run('communities', [
      community({ code: '411702001001' }, { type: 'Point', coordinates: [113.6, 32.9] }),
      community({ code: '411702001002' }, poly([[113.6, 32.9], [Number.NaN, 32.9], [113.61, 32.91], [113.6, 32.9]])),
      community({ code: '411702001003' }, poly([[413.6, 3_650_000], [413.7, 3_650_000], [413.7, 3_650_100], [413.6, 3_650_000]])),
      community({ code: '411702001004' }, poly([[113.6, 32.9], [113.61, 32.9], [113.6, 32.9]])),
      community({ code: '411702001005' }, poly(bowtie)),
      community({ code: '411702001006' }, null),
    ]);
    expect(rules(v, 'errors')).toEqual(['geometry_type', 'coordinates_invalid', 'out_of_range', 'ring_too_short', 'self_intersection', 'geometry_missing']);
    expect(v.report.errors[4]!.message).toContain('自相交');
  });

  it('topology: overlaps between neighbours with their area, children beyond their parent, features far away', async () => {
    const v = await run('communities', [
      community({ code: '411702001001' }, poly(box(114.000, 32.950, 114.010, 32.960))),
      community({ code: '411702001002' }, poly(box(114.005, 32.950, 114.015, 32.960))),
      community({ code: '411702001003' }, poly(box(120.0, 30.0, 120.01, 30.01))),
    ]);
    const overlap = v.report.warnings.find((w) => w.rule === 'overlap')!;
    expect(overlap).toMatchObject({ feature: 0, code: '411702001001' });
    expect(overlap.message).toContain('411702001002');
    expect(overlap.areaM2).toBeGreaterThan(400_000);
    expect(overlap.areaM2).toBeLessThan(600_000);
    expect(rules(v, 'warnings')).toContain('outside_service_area');
    expect(rules(v, 'warnings')).toContain('orphaned_children');
    expect(v.report.errors).toEqual([]);
  });

  it('gaps: a street whose communities leave part of it uncovered', async () => {
    const all = committed('communities');
    const streetCode = '411702001';
    const v = await run('communities', all.filter((f, i) => f.properties.streetCode !== streetCode || i !== all.findIndex((g) => g.properties.streetCode === streetCode)));
    const gap = v.report.warnings.find((w) => w.rule === 'gap')!;
    expect(gap.code).toBe(streetCode);
    expect(gap.areaM2).toBeGreaterThan(10_000);
  });

  it('unit cells: outside every community is an error, in another community than the code says a warning; areaM2 is filled', async () => {
    const cells = committed('grid');
    const first = cells[0]!;
    const wrong = { ...cells.find((c) => c.properties.community !== first.properties.community)!, properties: { ...first.properties, code: `${first.properties.community as string}9999` } };
    const nowhere: RawFeature = { properties: { ...first.properties, code: `${first.properties.community as string}9998` }, geometry: poly(box(113.52, 33.12, 113.521, 33.121)) as RawFeature['geometry'] };
    const noArea: RawFeature = { properties: { ...first.properties, areaM2: undefined }, geometry: first.geometry };
    const v = await run('grid', [noArea, wrong, nowhere]);
    expect(rules(v, 'errors')).toEqual(['cell_outside_community']);
    expect(rules(v, 'warnings')).toContain('cell_in_other_community');
    expect(rules(v, 'repaired')).toEqual(['area_computed']);
    expect(v.features[0]!.properties.areaM2).toBeGreaterThan(0);
  });

  it('inspection points: category must be S01–S38; street, community and district are placed from the map when absent', async () => {
    const v = await run('inspection-points', [
      { properties: { id: 'IP1', name: '文化路口', category: 'S01' }, geometry: { type: 'Point', coordinates: [114.02, 32.98] } },
      { properties: { id: 'IP2', name: '某处', category: 'S39' }, geometry: { type: 'Point', coordinates: [114.02, 32.98] } },
      { properties: { id: 'IP1', name: '重复', category: 'S02' }, geometry: { type: 'Point', coordinates: [114.02, 32.98] } },
    ]);
    expect(rules(v, 'errors')).toEqual(['category_unknown', 'code_duplicate']);
    const place = live.locator.locate(114.02, 32.98);
    expect(v.features[0]!.properties).toMatchObject({ street: place.street, community: place.community, district: place.district });
    expect(rules(v, 'repaired')).toContain('placed_from_map');
  });
});
