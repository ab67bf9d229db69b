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
    const keys = new Set(cells.map((c) => Object.keys(c.properties).join()));
    expect([...keys]).toEqual(['code,community,street,district,areaM2,owner']);
    const bad = cells.filter(({ properties: p }) => {
      const parts = parseGridCode(p.code);
      return !isGridCode(p.code) || parts?.community !== p.community || parts.street !== p.street || parts.county !== p.district
        || !Number.isInteger(p.areaM2) || !/(居委会|村委会)$/.test(p.owner);
    });
    expect(bad.map((c) => c.properties.code)).toEqual([]);
    expect(new Set(cells.map((c) => c.properties.code)).size).toBe(cells.length);
  });

  it('has valid cells of at most ~10,500 m², full cells ≈ 10,000 m², areaM2 as measured', () => {
    const problems: string[] = [];
    let full = 0;
    for (const { geometry, properties: p } of cells) {
      const invalid = arealProblems(geometry);
      if (invalid.length) problems.push(`${p.code}: ${invalid.join('; ')}`);
      const measured = turf.area(geometry);
      if (Math.abs(measured - p.areaM2) > 1) problems.push(`${p.code}: areaM2 ${p.areaM2} but measures ${measured}`);
      if (p.areaM2 > 10500) problems.push(`${p.code}: ${p.areaM2} m² is too large`);
      if (latticeSquare(geometry)) {
        full++;
        if (measured < 9950 || measured > 10050) problems.push(`${p.code}: full cell of ${measured} m²`);
      }
    }
    expect(problems).toEqual([]);
    expect(full / cells.length).toBeGreaterThan(0.6);
  });

  it('puts every cell inside exactly one community, street and district — its own', () => {
    const byCommunity = new AreaIndex(communities.map((f) => ({ geometry: f.geometry, value: f.properties.code })));
    const byStreet = new AreaIndex(streets.map((f) => ({ geometry: f.geometry, value: f.properties.code })));
    const byDistrict = new AreaIndex(districts.map((f) => ({ geometry: f.geometry, value: f.properties.code })));
    const misplaced = cells.filter(({ geometry, properties: p }) => {
      const at = inside(geometry);
      const [c, s, d] = [byCommunity.findAll(at), byStreet.findAll(at), byDistrict.findAll(at)];
      return c.length !== 1 || c[0] !== p.community || s.length !== 1 || s[0] !== p.street || d.length !== 1 || d[0] !== p.district;
    });
    expect(misplaced.map((c) => c.properties.code)).toEqual([]);
  });

  it('takes the owner (and so the three chiefs) from the community, street and district records', () => {
    const community = new Map(communities.map((f) => [f.properties.code, f.properties]));
    const wrong = cells.filter(({ properties: p }) => {
      const c = community.get(p.community);
      return !c || p.owner !== c.name + c.type || c.streetCode !== p.street;
    });
    expect(wrong.map((c) => c.properties.code)).toEqual([]);
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
    for (const c of cells) {
      const list = byCommunity.get(c.properties.community);
      if (list) list.push(c);
      else byCommunity.set(c.properties.community, [c]);
    }
    const outOfOrder: string[] = [];
    for (const [code, list] of byCommunity) {
      const squares = list
        .map((c) => ({ code: c.properties.code, at: latticeSquare(c.geometry) }))
        .filter((c): c is { code: string; at: { row: number; col: number } } => c.at !== null)
        .sort((a, b) => a.code.localeCompare(b.code));
      for (let i = 1; i < squares.length; i++) {
        const a = squares[i - 1]!.at, b = squares[i]!.at;
        if (!(b.row > a.row || (b.row === a.row && b.col > a.col))) outOfOrder.push(squares[i]!.code);
      }
      if (!list.some((c) => c.properties.code.endsWith('0001'))) outOfOrder.push(`${code}: no cell 0001`);
    }
    expect(outOfOrder).toEqual([]);
  });
});
