// The committed unit grid: valid cells, each inside exactly one community / street / district, coded
// after its community, ~10,000 m² when full, covering the built-up centre and all of 开发区.
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { isGridCode, parseGridCode } from '@cw/shared/domain/grid-code';
import { AreaIndex } from './build/area-index.ts';
import { lattice, wholeSquare } from './build/unit-grid.ts';
import { arealProblems } from './build/geometry-checks.ts';
import type { Polygon, Position } from './build/geojson-types.ts';
import { readCommunities, readDistricts, readGrid, readManifest, readStreets } from './committed-layers.ts';

const cells = readGrid().features;
const communities = readCommunities().features;
const streets = readStreets().features;
const districts = readDistricts().features;

const unit = lattice(100);
const latticeSquare = (g: Polygon) => wholeSquare(unit, g);

/** The centroid when it lies in the cell (always, for convex cells), else a point on its surface. */
function inside(g: Polygon): Position {
  const c = turf.centroid(g).geometry.coordinates;
  return turf.booleanPointInPolygon(c, g) ? c : turf.pointOnFeature(g).geometry.coordinates;
}

describe('unit grid (grid.geojson)', () => {
  it('has short properties, unique 16-digit codes prefixed by the community code', () => {
    expect(cells.length).toBeGreaterThan(15000);
    const codes = new Set<string>();
    for (const { properties: p } of cells) {
      expect(Object.keys(p)).toEqual(['code', 'community', 'street', 'district', 'areaM2', 'owner']);
      expect(isGridCode(p.code)).toBe(true);
      expect(parseGridCode(p.code)).toMatchObject({ community: p.community, street: p.street, county: p.district });
      expect(Number.isInteger(p.areaM2)).toBe(true);
      expect(p.owner).toMatch(/(居委会|村委会)$/);
      codes.add(p.code);
    }
    expect(codes.size).toBe(cells.length);
  });

  it('has valid cells of at most ~10,500 m², full cells ≈ 10,000 m², areaM2 as measured', () => {
    let full = 0;
    for (const c of cells) {
      expect(arealProblems(c.geometry), c.properties.code).toEqual([]);
      const measured = turf.area(c.geometry);
      expect(Math.abs(measured - c.properties.areaM2)).toBeLessThanOrEqual(1);
      expect(c.properties.areaM2).toBeLessThanOrEqual(10500);
      if (latticeSquare(c.geometry)) {
        full++;
        expect(measured).toBeGreaterThan(9950);
        expect(measured).toBeLessThan(10050);
      }
    }
    expect(full / cells.length).toBeGreaterThan(0.6);
  });

  it('puts every cell inside exactly one community, street and district — its own', () => {
    const byCommunity = new AreaIndex(communities.map((f) => ({ geometry: f.geometry, value: f.properties.code })));
    const byStreet = new AreaIndex(streets.map((f) => ({ geometry: f.geometry, value: f.properties.code })));
    const byDistrict = new AreaIndex(districts.map((f) => ({ geometry: f.geometry, value: f.properties.code })));
    for (const { geometry, properties: p } of cells) {
      const at = inside(geometry);
      expect(byCommunity.findAll(at), p.code).toEqual([p.community]);
      expect(byStreet.findAll(at), p.code).toEqual([p.street]);
      expect(byDistrict.findAll(at), p.code).toEqual([p.district]);
    }
  });

  it('takes the owner (and so the three chiefs) from the community, street and district records', () => {
    const community = new Map(communities.map((f) => [f.properties.code, f.properties]));
    for (const { properties: p } of cells) {
      const c = community.get(p.community)!;
      expect(p.owner).toBe(c.name + c.type);
      expect(c.streetCode).toBe(p.street);
    }
  });

  it('covers the 街道 of 驿城区 and all of 开发区, each community up to its dropped slivers', () => {
    const covered = streets.filter((s) => s.properties.districtCode === '411771' || (s.properties.districtCode === '411702' && s.properties.type === '街道'));
    expect(new Set(cells.map((c) => c.properties.street))).toEqual(new Set(covered.map((s) => s.properties.code)));
    const cellArea = new Map<string, number>();
    for (const c of cells) cellArea.set(c.properties.community, (cellArea.get(c.properties.community) ?? 0) + c.properties.areaM2);
    const { unitGrid } = readManifest();
    let missing = 0;
    for (const f of communities) {
      if (!covered.some((s) => s.properties.code === f.properties.streetCode)) continue;
      missing += Math.max(0, turf.area(f.geometry) - (cellArea.get(f.properties.code) ?? 0));
    }
    expect(missing).toBeLessThan(Number(unitGrid.droppedM2) + 0.001 * cells.length * 10000);
  });

  it('numbers full cells west→east, then north→south, within each community', () => {
    const byCommunity = new Map<string, typeof cells>();
    for (const c of cells) byCommunity.set(c.properties.community, [...(byCommunity.get(c.properties.community) ?? []), c]);
    for (const [code, list] of byCommunity) {
      const squares = list
        .map((c) => ({ code: c.properties.code, at: latticeSquare(c.geometry) }))
        .filter((c): c is { code: string; at: { row: number; col: number } } => c.at !== null)
        .sort((a, b) => a.code.localeCompare(b.code));
      for (let i = 1; i < squares.length; i++) {
        const a = squares[i - 1]!.at, b = squares[i]!.at;
        expect(b.row > a.row || (b.row === a.row && b.col > a.col), `${code} ${squares[i]!.code}`).toBe(true);
      }
      expect(list.some((c) => c.properties.code.endsWith('0001'))).toBe(true);
    }
  });
});
