import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import gcoord from 'gcoord';
import { deflateRawSync } from 'node:zlib';
import { readUpload } from './read-upload.ts';
import { listZip, extract } from './zip-entries.ts';
import { parseCsv } from './read-csv.ts';
import { crsFromEpsg, crsFromPrj } from './crs.ts';
import { ImportError } from './import-error.ts';
import { GBK, PRJ_BEIJING54, PRJ_CGCS2000_GK_CM114, PRJ_CGCS2000_GK_ZONE38, PRJ_WGS84, boxCw, dbfFile, shpFiles, zip, type ShpShape } from './fixture-files.ts';

const GK114 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const refusal = (fn: () => unknown): ImportError => {
  try { fn(); } catch (err) { if (err instanceof ImportError) return err; throw err; }
  throw new Error('expected an ImportError');
};

function shapefileZip(shapes: ShpShape[], opts: { prj?: string; cpg?: string; names?: (Uint8Array | string)[]; ldid?: number } = {}) {
  const { shp, shx } = shpFiles(shapes);
  const dbf = dbfFile(
    [{ name: 'code', type: 'C', length: 12 }, { name: opts.ldid === 0x4d || !opts.cpg ? Uint8Array.from(GBK.名称!) : '名称', type: 'C', length: 30 }],
    shapes.map((_, i) => [`4117020010${String(i + 1).padStart(2, '0')}`, opts.names?.[i] ?? `c${i}`]),
    opts.ldid ?? 0,
  );
  return zip({ 'layer/c.shp': shp, 'layer/c.shx': shx, 'layer/c.dbf': dbf, ...(opts.prj ? { 'layer/c.prj': opts.prj } : {}), ...(opts.cpg ? { 'layer/c.cpg': opts.cpg } : {}) });
}

describe('zipped Shapefile', () => {
  it('unprojects CGCS2000 Gauss-Krüger (CM 114E) to WGS84 and decodes GBK attributes without a .cpg', () => {
    const corners: [number, number][] = [[114.01, 32.97], [114.02, 32.97], [114.02, 32.98], [114.01, 32.98]];
    const projected = corners.map((c) => proj4('WGS84', GK114, c) as [number, number]);
    const ring = [projected[0]!, projected[3]!, projected[2]!, projected[1]!, projected[0]!]; // clockwise
    const r = readUpload(shapefileZip([{ type: 'polygon', rings: [ring] }], { prj: PRJ_CGCS2000_GK_CM114, names: [Uint8Array.from(GBK.中山街社区!)] }), 'shapefile');
    expect(r.crsLabel).toContain('114');
    expect(r.features[0]!.properties).toEqual({ code: '411702001001', 名称: '中山街社区' });
    const got = (r.features[0]!.geometry!.coordinates as number[][][])[0]!;
    expect(got).toHaveLength(5);
    for (const [i, c] of [corners[0], corners[3], corners[2], corners[1], corners[0]].entries()) {
      expect(got[i]![0]).toBeCloseTo(c![0], 7);
      expect(got[i]![1]).toBeCloseTo(c![1], 7);
    }
    expect(r.notes.join()).toContain('gb18030');
  });

  it('takes the zone-prefixed false easting (EPSG 4526 style) and EPSG codes of both GK families', () => {
    const [x, y] = proj4('WGS84', GK114, [114.0, 33.0]) as [number, number];
    const r = readUpload(shapefileZip([{ type: 'point', at: [x + 38_000_000, y] }], { prj: PRJ_CGCS2000_GK_ZONE38 }), 'shapefile');
    const [lon, lat] = r.features[0]!.geometry!.coordinates as number[];
    expect(lon).toBeCloseTo(114.0, 7);
    expect(lat).toBeCloseTo(33.0, 7);
    for (const code of [4526, 4547]) {
      const t = crsFromEpsg(code)!.transform!;
      const [a, b] = t(code === 4526 ? x + 38_000_000 : x, y);
      expect(a).toBeCloseTo(114.0, 7);
      expect(b).toBeCloseTo(33.0, 7);
    }
    expect(crsFromEpsg(4490)!.transform).toBeNull();
    expect(crsFromEpsg(2435)).toBeNull();
  });

  it('honours a .cpg, keeps holes with their outer ring, splits multipart polygons', () => {
    const outer = boxCw(114.0, 32.9, 114.1, 33.0);
    const hole: [number, number][] = [[114.02, 32.92], [114.04, 32.92], [114.04, 32.94], [114.02, 32.94], [114.02, 32.92]]; // counter-clockwise
    const second = boxCw(114.2, 32.9, 114.3, 33.0);
    const r = readUpload(shapefileZip([{ type: 'polygon', rings: [outer, hole] }, { type: 'polygon', rings: [outer, second] }],
      { prj: PRJ_WGS84, cpg: 'UTF-8', names: ['测试社区', '古城村'] }), 'shapefile');
    expect(r.features.map((f) => f.properties.名称)).toEqual(['测试社区', '古城村']);
    expect(r.features[0]!.geometry!.type).toBe('Polygon');
    expect((r.features[0]!.geometry!.coordinates as unknown[]).length).toBe(2);
    expect(r.features[1]!.geometry!.type).toBe('MultiPolygon');
  });

  it('refuses a missing .prj (unless a system is declared), a foreign datum, several layers in one zip', () => {
    const shapes: ShpShape[] = [{ type: 'point', at: [114.0, 33.0] }];
    expect(refusal(() => readUpload(shapefileZip(shapes), 'shapefile')).message).toContain('.prj');
    expect(readUpload(shapefileZip(shapes), 'shapefile', 'wgs84').features).toHaveLength(1);
    const b54 = refusal(() => readUpload(shapefileZip(shapes, { prj: PRJ_BEIJING54 }), 'shapefile'));
    expect(b54.statusCode).toBe(422);
    expect(b54.message).toContain('Beijing_1954');
    const { shp } = shpFiles(shapes);
    expect(refusal(() => readUpload(zip({ 'a.shp': shp, 'b.shp': shp }), 'shapefile')).message).toContain('2 个 .shp');
  });

  it('refuses a truncated .shp, a .dbf that disagrees, bytes that are not a zip', () => {
    const good = shapefileZip([{ type: 'polygon', rings: [boxCw(114, 32.9, 114.1, 33)] }], { prj: PRJ_WGS84 });
    const { shp } = shpFiles([{ type: 'polygon', rings: [boxCw(114, 32.9, 114.1, 33)] }]);
    const dbf = dbfFile([{ name: 'code', type: 'C', length: 12 }], [['x'], ['y']]);
    expect(refusal(() => readUpload(zip({ 'c.shp': shp.subarray(0, 140), 'c.dbf': dbf, 'c.prj': PRJ_WGS84 }), 'shapefile')).message).toMatch(/截断|长度/);
    expect(refusal(() => readUpload(zip({ 'c.shp': shp, 'c.dbf': dbf, 'c.prj': PRJ_WGS84 }), 'shapefile')).message).toContain('不一致');
    expect(refusal(() => readUpload(good.subarray(0, good.length - 30), 'shapefile')).statusCode).toBe(400);
    expect(refusal(() => readUpload(Buffer.from('not a zip at all'), 'shapefile')).message).toContain('不是 zip');
  });
});

describe('zip entries', () => {
  it('refuses names that climb out of the archive', () => {
    for (const name of ['../../etc/passwd', 'a/../../b.shp', '/etc/passwd']) {
      const z = zip({ [name]: 'x' });
      expect(refusal(() => listZip(z)).message).toContain('文件名不允许');
    }
  });

  it('stops inflating at the cap however small the header says the entry is', () => {
    const big = zip({ 'c.shp': new Uint8Array(4 * 1024 * 1024) });
    expect(big.length).toBeLessThan(10_000);
    // The header's uncompressed size is rewritten to 1 KB: the count of real output still stops it.
    const lying = Uint8Array.from(big);
    const v = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) if (v.getUint32(i, true) === 0x02014b50) v.setUint32(i + 24, 1024, true);
    const [entry] = listZip(lying);
    const err = refusal(() => extract(lying, entry!, 1024 * 1024));
    expect(err.statusCode).toBe(413);
    expect(extract(lying, entry!, 8 * 1024 * 1024)).toHaveLength(4 * 1024 * 1024);
  });

  it('refuses unsupported compression and a zip whose data is cut off', () => {
    const raw = deflateRawSync(Buffer.from('hello'));
    expect(raw.length).toBeGreaterThan(0);
    const z = Uint8Array.from(zip({ 'a.prj': 'hello world' }));
    const v = new DataView(z.buffer);
    for (let i = 0; i < z.length - 4; i++) if (v.getUint32(i, true) === 0x02014b50) v.setUint16(i + 10, 14, true); // LZMA
    expect(refusal(() => extract(z, listZip(z)[0]!, 1000)).message).toContain('压缩方式');
  });
});

describe('KML', () => {
  const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>社区</name>
<Placemark><name>测试社区</name><ExtendedData><Data name="code"><value>411702001001</value></Data></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>114.0,32.9,0 114.1,32.9,0 114.1,33.0,0 114.0,33.0,0 114.0,32.9,0</coordinates></LinearRing></outerBoundaryIs>
<innerBoundaryIs><LinearRing><coordinates>114.02,32.92 114.02,32.94 114.04,32.94 114.02,32.92</coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>
<Placemark><name>点</name><Point><coordinates>114.05,32.95</coordinates></Point></Placemark>
</Folder></Document></kml>`;

  it('reads placemarks with their name, ExtendedData and holes', () => {
    const r = readUpload(Buffer.from(kml), 'kml');
    expect(r.features).toHaveLength(2);
    expect(r.features[0]!.properties).toEqual({ name: '测试社区', code: '411702001001' });
    expect(r.features[0]!.geometry!.type).toBe('Polygon');
    expect((r.features[0]!.geometry!.coordinates as number[][][])[1]).toEqual([[114.02, 32.92], [114.02, 32.94], [114.04, 32.94], [114.02, 32.92]]);
    expect(r.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [114.05, 32.95] });
  });

  it('refuses entity declarations (billion laughs, external entities) and files that are not KML', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><kml><Placemark><name>&lol2;</name></Placemark></kml>';
    expect(refusal(() => readUpload(Buffer.from(laughs), 'kml')).message).toContain('DOCTYPE');
    expect(refusal(() => readUpload(Buffer.from('<html><body/></html>'), 'kml')).message).toContain('<kml>');
    expect(refusal(() => readUpload(Buffer.from('<kml><Placemark>'), 'kml')).statusCode).toBe(400);
  });
});

describe('CSV of points', () => {
  it('finds 经度/纬度 columns, keeps quoted commas and quotes, and the other columns as properties', () => {
    const csv = '\uFEFF编号,名称,经度,纬度,类别\r\nIP1,"文化路（解放路口, 东）",114.005,32.966,S01\r\nIP2,"说""好""",114.006,32.967,S02\r\n';
    const r = readUpload(Buffer.from(csv), 'csv');
    expect(r.features.map((f) => f.properties)).toEqual([
      { 编号: 'IP1', 名称: '文化路（解放路口, 东）', 类别: 'S01' },
      { 编号: 'IP2', 名称: '说"好"', 类别: 'S02' },
    ]);
    expect(r.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [114.005, 32.966] });
  });

  it('reads a GB18030 CSV (Excel on Chinese Windows) and lon/lat headers in any case', () => {
    const bytes = Buffer.concat([Buffer.from('id,'), Buffer.from(GBK.名称!), Buffer.from(',LNG,Lat\nA,'), Buffer.from(GBK.测试社区!), Buffer.from(',114.1,33.0\n')]);
    const r = readUpload(bytes, 'csv');
    expect(r.features[0]!.properties).toEqual({ id: 'A', 名称: '测试社区' });
    expect(r.notes.join()).toContain('gb18030');
  });

  it('refuses a CSV without coordinate columns and an unclosed quote', () => {
    expect(refusal(() => readUpload(Buffer.from('a,b\n1,2\n'), 'csv')).message).toContain('经纬度列');
    expect(refusal(() => readUpload(Buffer.from('lon,lat,name\n1,2,"open\n'), 'csv')).message).toContain('引号');
    expect(parseCsv('a,b\n\n1,"x\ny"\n')).toEqual([['a', 'b'], ['1', 'x\ny']]);
  });
});

describe('declared coordinate systems', () => {
  it('GCJ-02 and BD-09 declared are moved to WGS84 exactly as gcoord does', () => {
    const doc = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Point', coordinates: [114.03, 32.99] } }] });
    for (const [declared, from] of [['gcj02', gcoord.GCJ02], ['bd09', gcoord.BD09]] as const) {
      const r = readUpload(Buffer.from(doc), 'geojson', declared);
      const want = gcoord.transform([114.03, 32.99], from, gcoord.WGS84) as [number, number];
      expect(r.features[0]!.geometry!.coordinates).toEqual(want);
      expect(Math.abs(want[0] - 114.03)).toBeGreaterThan(0.003);
    }
    expect(readUpload(Buffer.from(doc), 'geojson', 'cgcs2000').features[0]!.geometry!.coordinates).toEqual([114.03, 32.99]);
  });

  it('a GeoJSON crs member naming a Gauss-Krüger EPSG code is honoured; GCJ-02 over projected data is refused', () => {
    const [x, y] = proj4('WGS84', GK114, [114.02, 32.98]) as [number, number];
    const doc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } }] };
    const [lon, lat] = readUpload(Buffer.from(JSON.stringify(doc)), 'geojson').features[0]!.geometry!.coordinates as number[];
    expect(lon).toBeCloseTo(114.02, 7);
    expect(lat).toBeCloseTo(32.98, 7);
    expect(refusal(() => readUpload(Buffer.from(JSON.stringify(doc)), 'geojson', 'gcj02')).statusCode).toBe(422);
    doc.crs.properties.name = 'EPSG:2435';
    expect(refusal(() => readUpload(Buffer.from(JSON.stringify(doc)), 'geojson')).message).toContain('不受支持');
    expect(crsFromPrj(PRJ_WGS84).transform).toBeNull();
  });

  it('refuses GeoJSON that is not UTF-8, not JSON or not a collection', () => {
    expect(refusal(() => readUpload(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'geojson')).message).toContain('UTF-8');
    expect(refusal(() => readUpload(Buffer.from('{"type":'), 'geojson')).message).toContain('JSON');
    expect(refusal(() => readUpload(Buffer.from('[1,2]'), 'geojson')).statusCode).toBe(400);
    expect(refusal(() => readUpload(Buffer.alloc(0), 'geojson')).message).toContain('空');
  });
});
