// Certainly-invalid layer files for the import route: every one must end in a 4xx — refused at
// upload, a failed job (400/413/422), or a report with errors whose apply is refused (422) — and
// nothing may be stored. Zips are built with fflate or by hand; the zip bomb is a real deflate
// stream that inflates past the cap (its header claims 1 KB).
import { deflateRawSync } from 'node:zlib';
import { LAYER_NAMES } from '../geo/layers.ts';
import { PRJ_BEIJING54, PRJ_WGS84, boxCw, dbfFile, shpFiles, zip } from '../layer-import/fixture-files.ts';
import type { SeededRandom } from './seeded-random.ts';
import { BAD_UTF8, INJECTION, WITH_NUL, longText } from './hostile-values.ts';

export interface HostileLayerFile {
  how: string;
  layer: string;
  format: string;
  crs?: string;
  payload: Buffer;
}

const garbage = (rng: SeededRandom, n: number) => Buffer.from(Array.from({ length: n }, () => rng.int(0, 255)));
const square = boxCw(114.01, 32.97, 114.02, 32.98);

function goodShapefile(): Record<string, Uint8Array | string> {
  const { shp, shx } = shpFiles([{ type: 'polygon', rings: [square] }]);
  return { 'c.shp': shp, 'c.shx': shx, 'c.dbf': dbfFile([{ name: 'code', type: 'C', length: 12 }], [['411702001001']]), 'c.prj': PRJ_WGS84 };
}

const geojson = (features: unknown[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
const feature = (properties: unknown, geometry: unknown) => ({ type: 'Feature', properties, geometry });

/** A zipped Shapefile whose .shp is a deflate stream of `inflated` zero bytes (its header claiming
 *  1 KB), beside a real .dbf and .prj, so the reader gets as far as inflating it. */
export function zipBomb(inflated: number): Buffer {
  const good = goodShapefile();
  const entries = [
    { name: 'bomb.dbf', data: Buffer.from(good['c.dbf'] as Uint8Array), method: 0, size: (good['c.dbf'] as Uint8Array).length },
    { name: 'bomb.prj', data: Buffer.from(PRJ_WGS84), method: 0, size: PRJ_WGS84.length },
    { name: 'bomb.shp', data: deflateRawSync(Buffer.alloc(inflated), { level: 9 }), method: 8, size: 1024 },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18); local.writeUInt32LE(e.size, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20); central.writeUInt32LE(e.size, 24); central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const KINDS = [
  'not-a-zip', 'truncated-zip', 'path-traversal', 'absolute-entry', 'shp-without-dbf', 'truncated-shp', 'lying-point-count',
  'beijing54-prj', 'two-layers', 'bad-utf8-geojson', 'not-json', 'deep-json', 'infinite-coordinates', 'huge-coordinates',
  'huge-coordinate-count', 'nul-in-names', 'wrong-geometry-for-layer', 'kml-entities', 'kml-external-entity', 'kml-not-xml',
  'csv-no-coordinates', 'csv-bad-numbers', 'empty-file', 'bad-query',
] as const;

export function hostileLayerFile(rng: SeededRandom): HostileLayerFile {
  const kind = rng.pick(KINDS);
  const layer = rng.pick(LAYER_NAMES);
  const shapefile = (files: Record<string, Uint8Array | string>) => ({ how: kind, layer, format: 'shapefile', payload: Buffer.from(zip(files)) });
  switch (kind) {
    case 'not-a-zip': return { how: kind, layer, format: 'shapefile', payload: garbage(rng, rng.int(1, 3000)) };
    case 'truncated-zip': { const z = zip(goodShapefile()); return { how: kind, layer, format: 'shapefile', payload: Buffer.from(z.subarray(0, rng.int(4, z.length - 23))) }; }
    case 'path-traversal': return shapefile({ ...goodShapefile(), [rng.pick(['../../etc/passwd', 'x/../../../c.shp', '..\\..\\boot.ini'])]: 'root:x:0:0' });
    case 'absolute-entry': return shapefile({ ...goodShapefile(), '/etc/cron.d/x': '* * * * * root sh' });
    case 'shp-without-dbf': { const f = goodShapefile(); delete f['c.dbf']; return shapefile(f); }
    case 'truncated-shp': { const f = goodShapefile(); f['c.shp'] = (f['c.shp'] as Uint8Array).subarray(0, rng.int(0, 150)); return shapefile(f); }
    case 'lying-point-count': {
      const f = goodShapefile();
      const shp = Uint8Array.from(f['c.shp'] as Uint8Array);
      new DataView(shp.buffer).setInt32(100 + 8 + 40, rng.pick([2 ** 31 - 1, -5, 1_000_000]), true);
      f['c.shp'] = shp;
      return shapefile(f);
    }
    case 'beijing54-prj': return shapefile({ ...goodShapefile(), 'c.prj': PRJ_BEIJING54 });
    case 'two-layers': { const f = goodShapefile(); return shapefile({ ...f, 'd.shp': f['c.shp']!, 'd.dbf': f['c.dbf']! }); }
    case 'bad-utf8-geojson': return { how: kind, layer, format: 'geojson', payload: Buffer.concat([Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"'), Buffer.from(rng.pick(BAD_UTF8)), Buffer.from('"}}]}')]) };
    case 'not-json': return { how: kind, layer, format: 'geojson', payload: Buffer.from(rng.pick(['{"type":"FeatureCollection","features":[', 'NaN', '<xml/>', rng.pick(INJECTION)])) };
    case 'deep-json': return { how: kind, layer, format: 'geojson', payload: Buffer.from(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":${'['.repeat(50_000)}${']'.repeat(50_000)}},"geometry":{"type":"Polygon","coordinates":${'['.repeat(50_000)}${']'.repeat(50_000)}}}]}`) };
    case 'infinite-coordinates': return { how: kind, layer, format: 'geojson', payload: Buffer.from(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"411702001001","id":"x","name":"x"},"geometry":{"type":"Point","coordinates":[1e999,-1e999]}}]}`) };
    case 'huge-coordinates': return { how: kind, layer, format: 'geojson', payload: geojson([feature({ code: '411702001001', id: 'x', name: 'x' }, { type: 'Polygon', coordinates: [[[1e308, 1e308], [-1e308, 1e308], [0, -1e308], [1e308, 1e308]]] })]) };
    case 'huge-coordinate-count': {
      const n = 200_000;
      const ring = Array.from({ length: n }, (_, i) => [114 + 0.01 * Math.cos((i * 7 * Math.PI) / n), 33 + 0.01 * Math.sin((i * 13 * Math.PI) / n)]);
      return { how: kind, layer, format: 'geojson', payload: geojson([feature({ code: 'not-a-code', id: '', name: '' }, { type: 'LineString', coordinates: ring }), feature({}, { type: 'Polygon', coordinates: [ring] })]) };
    }
    case 'nul-in-names': return { how: kind, layer, format: 'geojson', payload: geojson([feature({ [rng.pick(WITH_NUL)]: 'x', code: rng.pick(WITH_NUL), id: rng.pick(WITH_NUL) }, { type: 'Point', coordinates: [114.02, 32.98] })]) };
    case 'wrong-geometry-for-layer': {
      const g = layer === 'inspection-points' ? { type: 'Polygon', coordinates: [square] } : { type: 'GeometryCollection', geometries: [] };
      return { how: kind, layer, format: 'geojson', payload: geojson([feature({ code: '411702001001', id: 'x', name: 'x', category: 'S01', kind: 'river' }, g)]) };
    }
    case 'kml-entities': return { how: kind, layer, format: 'kml', payload: Buffer.from(`<?xml version="1.0"?><!DOCTYPE k [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><kml><Placemark><name>&b;</name><Point><coordinates>114,33</coordinates></Point></Placemark></kml>`) };
    case 'kml-external-entity': return { how: kind, layer, format: 'kml', payload: Buffer.from('<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml><Placemark><name>&x;</name></Placemark></kml>') };
    case 'kml-not-xml': return { how: kind, layer, format: 'kml', payload: rng.chance(0.5) ? garbage(rng, rng.int(1, 500)) : Buffer.from(`<kml><Placemark><Point><coordinates>${longText(100)}`) };
    case 'csv-no-coordinates': return { how: kind, layer, format: 'csv', payload: Buffer.from(`name,${rng.pick(INJECTION).replace(/[\r\n]/g, '')}\n=cmd|' /C calc'!A0,1\n`) };
    case 'csv-bad-numbers': return { how: kind, layer, format: 'csv', payload: Buffer.from(`id,name,lon,lat\nIP1,x,${rng.pick(['abc', 'NaN', '1e999', ''])},${rng.pick(['91', '-1e400', 'x'])}\n`) };
    case 'empty-file': return { how: kind, layer, format: rng.pick(['geojson', 'shapefile', 'kml', 'csv']), payload: Buffer.alloc(0) };
    case 'bad-query': return { how: kind, layer: rng.pick([...INJECTION, 'roads', '']), format: rng.pick(['dwg', 'geojson', '']), crs: rng.pick(['epsg:3857', 'gcj02', longText(30)]), payload: Buffer.from(zip(goodShapefile())) };
  }
}
