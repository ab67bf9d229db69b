import * as turf from '@turf/turf';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadImports, parseCsv } from './imports.ts';
import { buildAdminAreas } from './admin-areas.ts';
import { divisionsOf } from './divisions.ts';
import { decodeMap } from './echarts-map.ts';
import { loadSources } from './source-packages.ts';
import { importedInspectionPoints } from './inspection-points.ts';
import { differenceAreal } from './polygon-ops.ts';

const dataDir = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'cw-imports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function importsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'data-'));
  mkdirSync(join(dir, 'imports'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'imports', name), text);
  return dir;
}
const fc = (features: object[]): string => JSON.stringify({ type: 'FeatureCollection', features });
const box = (code: string, [w, s, e, n]: number[]) => ({ type: 'Feature', properties: { code }, geometry: turf.bboxPolygon([w!, s!, e!, n!]).geometry });

describe('imports', () => {
  it('parses CSV with a BOM, quoted commas, doubled quotes and CRLF', () => {
    expect(parseCsv('\uFEFFname,category,lon,lat\r\n"天中广场,东门",S16,114.02,32.98\r\n"他说""好""",S05,1,2\r\n')).toEqual([
      { name: '天中广场,东门', category: 'S16', lon: '114.02', lat: '32.98' },
      { name: '他说"好"', category: 'S05', lon: '1', lat: '2' },
    ]);
  });

  it('rejects malformed imports', () => {
    expect(() => loadImports(importsDir({ 'districts.geojson': fc([box('4117', [114, 32.9, 114.01, 32.91])]) }))).toThrow(/6 digits/);
    expect(() => loadImports(importsDir({ 'inspection-points.csv': 'name,category,lon,lat\n某地,S99,114,33\n' }))).toThrow(/unknown category/);
    expect(() => loadImports(importsDir({ 'corridors.geojson': fc([{ type: 'Feature', properties: { id: 'x', name: 'y', kind: 'river' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }]) }))).toThrow(/bufferMeters/);
  });

  it('replaces the drawn 开发区 and a generated street, and generates the rest around them', () => {
    const zone = [113.93, 32.9, 114.0, 32.96];
    const street = [113.97, 32.9, 114.0, 32.93];
    const imports = loadImports(importsDir({
      'districts.geojson': fc([box('411771', zone)]),
      'streets.geojson': fc([box('411771563', street)]),
      'inspection-points.csv': 'name,category,lon,lat,readiness\n开源大道测评点,S01,113.985,32.915,failing\n',
    }));
    expect(imports.files).toEqual(['imports/districts.geojson', 'imports/streets.geojson', 'imports/inspection-points.csv']);
    const sources = loadSources(dataDir, false);
    const divisions = divisionsOf(sources.divisions, ['411702', '411771']);
    const areas = buildAdminAreas(decodeMap(sources.map.map), divisions, imports);

    const devZone = areas.districts.get('411771')!;
    expect(turf.area(devZone)).toBeCloseTo(turf.area(turf.bboxPolygon(zone as [number, number, number, number])), -2);
    expect(turf.area(areas.streets.get('411771563')!)).toBeCloseTo(turf.area(turf.bboxPolygon(street as [number, number, number, number])), -2);
    expect(areas.imported).toEqual(new Set(['411771', '411771563']));
    const others = divisions.streets.filter((s) => s.districtCode === '411771' && s.code !== '411771563');
    const generated = others.reduce((sum, s) => sum + turf.area(areas.streets.get(s.code)!), 0);
    expect(generated + turf.area(areas.streets.get('411771563')!)).toBeCloseTo(turf.area(devZone), -3);
    for (const c of divisions.communities.filter((x) => x.streetCode === '411771563')) {
      const outside = differenceAreal(areas.communities.get(c.code)!, areas.streets.get('411771563')!);
      expect(outside ? turf.area(outside) : 0).toBeLessThan(1);
    }

    const siteAreas = divisions.communities.map((c) => ({ record: c, street: divisions.streets.find((s) => s.code === c.streetCode)!, geometry: areas.communities.get(c.code)! }));
    const [site] = importedInspectionPoints(imports.sites!, siteAreas);
    expect(site!.properties).toMatchObject({ name: '开源大道测评点', category: 'S01', street: '411771563', district: '411771', readiness: 'failing', demo: false, code: 'S01-001' });
  });
});
