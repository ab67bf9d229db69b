// The district, street and community layers: valid, real codes, nested and non-overlapping.
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { arealProblems } from './build/geometry-checks.ts';
import { differenceAreal, intersectAreal } from './build/polygon-ops.ts';
import type { Areal } from './build/geojson-types.ts';
import { readCommunities, readDistricts, readStreets } from './committed-layers.ts';

const districts = readDistricts().features;
const streets = readStreets().features;
const communities = readCommunities().features;
const km2 = (g: Areal | null): number => (g ? turf.area(g) / 1e6 : 0);
const yicheng = districts.find((d) => d.properties.code === '411702')!;
const devZone = districts.find((d) => d.properties.code === '411771')!;

/** Borders are shared vertex for vertex, so what nesting and tiling leave over is below 1 m². */
const TINY_KM2 = 1e-6;

/** Area of a − b in km² (what of a lies outside b). */
const outside = (a: Areal, b: Areal): number => km2(differenceAreal(a, b));

function overlapsWithin(items: { code: string; geometry: Areal }[]): number {
  let worst = 0;
  for (let i = 0; i < items.length; i++) {
    const bi = turf.bbox(items[i]!.geometry);
    for (let j = i + 1; j < items.length; j++) {
      const bj = turf.bbox(items[j]!.geometry);
      if (bi[0] > bj[2] || bj[0] > bi[2] || bi[1] > bj[3] || bj[1] > bi[3]) continue;
      worst = Math.max(worst, km2(intersectAreal(items[i]!.geometry, items[j]!.geometry)));
    }
  }
  return worst;
}

describe('districts', () => {
  it('holds the real 驿城区 outline: ~1,339 km² before carving, the published bbox, the city centre', () => {
    expect(yicheng.properties.areaKm2Uncarved).toBeGreaterThan(1339 * 0.99);
    expect(yicheng.properties.areaKm2Uncarved).toBeLessThan(1339 * 1.01);
    const uncarved = km2(yicheng.geometry) + km2(devZone.geometry);
    expect(Math.abs(uncarved - 1339) / 1339).toBeLessThan(0.01);
    const [w, s, e, n] = turf.bbox(yicheng.geometry);
    expect(w).toBeCloseTo(113.508, 2);
    expect(e).toBeCloseTo(114.241, 2);
    expect(s).toBeCloseTo(32.842, 2);
    expect(n).toBeCloseTo(33.15, 2);
    expect(turf.booleanPointInPolygon([114.02, 32.98], yicheng.geometry)).toBe(true);
    expect(yicheng.properties.approximate).toBe(false);
  });

  it('carves an approximate, labelled 开发区 of 60–90 km² out of it, south-west of the centre', () => {
    expect(devZone.properties).toMatchObject({ code: '411771', name: '经济开发区', approximate: true });
    expect(devZone.properties.note).toMatch(/手绘|approximation/);
    expect(km2(devZone.geometry)).toBeGreaterThan(60);
    expect(km2(devZone.geometry)).toBeLessThan(90);
    const [x, y] = turf.centroid(devZone.geometry).geometry.coordinates as [number, number];
    expect(x).toBeLessThan(114.02);
    expect(y).toBeLessThan(32.98);
    expect(km2(intersectAreal(yicheng.geometry, devZone.geometry))).toBeLessThan(TINY_KM2);
    expect(Math.abs(yicheng.properties.areaKm2 - km2(yicheng.geometry))).toBeLessThan(0.01);
  });
});

describe('streets and communities', () => {
  it('are all valid polygons (closed rings, ≥4 positions, no self-intersection)', () => {
    for (const f of [...districts, ...streets, ...communities]) {
      expect(arealProblems(f.geometry), f.properties.code).toEqual([]);
      expect(turf.kinks(f.geometry).features, f.properties.code).toHaveLength(0);
    }
  });

  it('carry the real units: 21 + 5 streets, 206 + 25 communities, well-formed unique codes', () => {
    const inDistrict = (code: string) => streets.filter((s) => s.properties.districtCode === code);
    expect(inDistrict('411702')).toHaveLength(21);
    expect(inDistrict('411771')).toHaveLength(5);
    expect(communities.filter((c) => c.properties.districtCode === '411702')).toHaveLength(206);
    expect(communities.filter((c) => c.properties.districtCode === '411771')).toHaveLength(25);
    expect(new Set(streets.map((s) => s.properties.code)).size).toBe(streets.length);
    expect(new Set(communities.map((c) => c.properties.code)).size).toBe(communities.length);
    for (const s of streets) {
      expect(s.properties.code).toMatch(/^\d{9}$/);
      expect(s.properties.code.startsWith(s.properties.districtCode)).toBe(true);
      expect(s.properties.chief).toBe(`${s.properties.name}网格长`);
      expect(s.properties.approximate).toBe(true);
    }
    const streetCodes = new Set(streets.map((s) => s.properties.code));
    for (const c of communities) {
      expect(c.properties.code).toMatch(/^\d{12}$/);
      expect(c.properties.code.startsWith(c.properties.streetCode)).toBe(true);
      expect(c.properties.streetCode.startsWith(c.properties.districtCode)).toBe(true);
      expect(streetCodes.has(c.properties.streetCode)).toBe(true);
      expect(['居委会', '村委会']).toContain(c.properties.type);
    }
  });

  it('nest: every street inside its district, every community inside its street, with no gaps', () => {
    const byCode = new Map([...districts, ...streets].map((f) => [f.properties.code, f.geometry]));
    for (const s of streets) expect(outside(s.geometry, byCode.get(s.properties.districtCode)!), s.properties.code).toBeLessThan(TINY_KM2);
    for (const c of communities) expect(outside(c.geometry, byCode.get(c.properties.streetCode)!), c.properties.code).toBeLessThan(TINY_KM2);
    for (const d of districts) {
      const sum = streets.filter((s) => s.properties.districtCode === d.properties.code).reduce((a, s) => a + km2(s.geometry), 0);
      expect(Math.abs(sum - km2(d.geometry)), d.properties.code).toBeLessThan(TINY_KM2);
    }
    for (const s of streets) {
      const sum = communities.filter((c) => c.properties.streetCode === s.properties.code).reduce((a, c) => a + km2(c.geometry), 0);
      expect(Math.abs(sum - km2(s.geometry)), s.properties.code).toBeLessThan(TINY_KM2);
    }
  });

  it('do not overlap: streets pairwise, and communities within a street', () => {
    expect(overlapsWithin(streets.map((s) => ({ code: s.properties.code, geometry: s.geometry })))).toBeLessThan(TINY_KM2);
    for (const s of streets) {
      const members = communities.filter((c) => c.properties.streetCode === s.properties.code);
      expect(overlapsWithin(members.map((c) => ({ code: c.properties.code, geometry: c.geometry }))), s.properties.code).toBeLessThan(TINY_KM2);
    }
  });

  it('put the urban 街道 near the centre and the towns around them', () => {
    const centre = [114.02, 32.98];
    const distance = (code: string) => turf.distance(centre, turf.centroid(streets.find((s) => s.properties.code === code)!.geometry));
    expect(distance('411702001')).toBeLessThan(3); // 人民街
    for (const town of ['411702101', '411702102']) expect(distance(town)).toBeGreaterThan(25); // 沙河店, 板桥 far west
    const urbanArea = streets.filter((s) => s.properties.type === '街道' && s.properties.districtCode === '411702').reduce((a, s) => a + km2(s.geometry), 0);
    expect(urbanArea).toBeLessThan(200);
  });
});
