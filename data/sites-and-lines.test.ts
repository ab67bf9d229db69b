// Demo inspection sites, rivers and corridors, and contracted road sections.
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { SITE_CATEGORIES, SITE_READINESS } from '@cw/shared/domain/site-categories';
import { AreaIndex } from './build/area-index.ts';
import { arealProblems } from './build/geometry-checks.ts';
import { readCommunities, readCorridorZones, readCorridors, readInspectionPoints, readRoadSections, readStreets } from './committed-layers.ts';

const points = readInspectionPoints().features;
const corridors = readCorridors().features;
const zones = readCorridorZones().features;
const sections = readRoadSections().features;
const communities = readCommunities().features;
const streets = readStreets().features;
const CENTRE = [114.02, 32.98];

describe('inspection points', () => {
  it('number 300–600 demo sites covering all 38 categories, with unique ids and codes', () => {
    expect(points.length).toBeGreaterThanOrEqual(300);
    expect(points.length).toBeLessThanOrEqual(600);
    for (const c of SITE_CATEGORIES) expect(points.filter((p) => p.properties.category === c.code).length, c.code).toBeGreaterThanOrEqual(1);
    expect(new Set(points.map((p) => p.properties.id)).size).toBe(points.length);
    expect(new Set(points.map((p) => p.properties.code)).size).toBe(points.length);
    expect(new Set(points.map((p) => p.properties.name)).size).toBe(points.length);
    for (const { properties: p } of points) {
      expect(Object.keys(p)).toEqual(['id', 'code', 'name', 'category', 'street', 'community', 'district', 'readiness', 'demo']);
      expect(p.code.startsWith(`${p.category}-`)).toBe(true);
      expect(SITE_READINESS).toContain(p.readiness);
      expect(p.demo).toBe(true);
      expect(p.name).toMatch(/[\u4e00-\u9fa5]/);
    }
    const readiness = new Set(points.map((p) => p.properties.readiness));
    expect(readiness.size).toBe(3);
  });

  it('lie in the community, street and district they name, inside the covered urban streets', () => {
    const index = new AreaIndex(communities.map((f) => ({ geometry: f.geometry, value: f.properties })));
    const streetType = new Map(streets.map((s) => [s.properties.code, s.properties]));
    for (const { geometry, properties: p } of points) {
      const [c] = index.findAll(geometry.coordinates);
      expect(c?.code, p.id).toBe(p.community);
      expect(c?.streetCode).toBe(p.street);
      expect(c?.districtCode).toBe(p.district);
      const s = streetType.get(p.street)!;
      expect(s.districtCode === '411771' || s.type === '街道', p.id).toBe(true);
    }
  });

  it('put river sites by the rivers and gateways at the edge of the built-up area', () => {
    const rivers = corridors.filter((c) => c.properties.kind === 'river');
    for (const p of points.filter((x) => x.properties.category === 'S36')) {
      expect(Math.min(...rivers.map((r) => turf.pointToLineDistance(p.geometry.coordinates, r, { units: 'meters' })))).toBeLessThan(100);
    }
    const far = (cat: string) => points.filter((x) => x.properties.category === cat).map((x) => turf.distance(CENTRE, x.geometry.coordinates));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(Math.min(...far('S35'))).toBeGreaterThan(median(far('S05')));
  });
});

describe('rivers and corridors', () => {
  it('hold the four named rivers and four corridors, labelled approximate', () => {
    const rivers = corridors.filter((c) => c.properties.kind === 'river').map((c) => c.properties.name);
    expect(rivers.sort()).toEqual(['小清河', '练江河', '开源河', '冷水河'].sort());
    const belts = corridors.filter((c) => c.properties.kind === 'corridor');
    expect(belts).toHaveLength(4);
    expect(belts.map((c) => c.properties.name)).toContain('小清河生态廊道');
    for (const { geometry, properties: p } of corridors) {
      expect(Object.keys(p)).toEqual(['id', 'name', 'kind', 'bufferMeters', 'approximate', 'note']);
      expect(p.approximate).toBe(true);
      expect(p.bufferMeters).toBeGreaterThan(0);
      expect(geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      expect(Math.min(...geometry.coordinates.map((c) => turf.distance(CENTRE, c)))).toBeLessThan(8);
    }
  });

  it('have one valid buffer zone per line, holding the line', () => {
    expect(zones.map((z) => z.properties.id)).toEqual(corridors.map((c) => c.properties.id));
    zones.forEach((z, i) => {
      expect(arealProblems(z.geometry)).toEqual([]);
      expect(z.properties).toMatchObject({ name: corridors[i]!.properties.name, kind: corridors[i]!.properties.kind });
      const mid = turf.along(corridors[i]!, turf.length(corridors[i]!) / 2).geometry.coordinates;
      expect(turf.booleanPointInPolygon(mid, z.geometry)).toBe(true);
    });
  });
});

describe('road sections', () => {
  it('number ~40 along the centre, each given to a unit, in the street of its midpoint', () => {
    expect(sections.length).toBeGreaterThanOrEqual(30);
    expect(sections.length).toBeLessThanOrEqual(50);
    const index = new AreaIndex(streets.map((s) => ({ geometry: s.geometry, value: s.properties })));
    expect(new Set(sections.map((s) => s.properties.id)).size).toBe(sections.length);
    for (const s of sections) {
      expect(Object.keys(s.properties)).toEqual(['id', 'name', 'unit', 'street', 'district', 'approximate']);
      expect(s.properties.unit).toMatch(/[\u4e00-\u9fa5]/);
      const mid = turf.along(s, turf.length(s) / 2).geometry.coordinates;
      expect(index.find(mid)?.code, s.properties.id).toBe(s.properties.street);
      expect(s.properties.street.startsWith(s.properties.district)).toBe(true);
      expect(turf.distance(CENTRE, mid)).toBeLessThan(12);
    }
  });
});
