// Test fixtures made in code: Shapefiles encoded by hand (.shp/.shx/.dbf, the .prj as WKT), zips
// (fflate), and the WKT of the coordinate systems the city's GIS uses. For tests only.
import { zipSync } from 'fflate';

export type Ring = [number, number][];
export type ShpShape = { type: 'point'; at: [number, number] } | { type: 'polygon'; rings: Ring[] } | { type: 'line'; parts: Ring[] };

export interface DbfField { name: Uint8Array | string; type: 'C' | 'N'; length: number }

/** GBK bytes of the few Chinese strings the tests use (Node has a GBK decoder but no encoder). */
export const GBK: Record<string, number[]> = {
  名称: [195, 251, 179, 198],
  编码: [177, 224, 194, 235],
  中山街社区: [214, 208, 201, 189, 189, 214, 201, 231, 199, 248],
  测试社区: [178, 226, 202, 212, 201, 231, 199, 248],
};

export const PRJ_WGS84 = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
export const PRJ_CGCS2000_GK_CM114 = 'PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
export const PRJ_CGCS2000_GK_ZONE38 = 'PROJCS["CGCS2000_3_Degree_GK_Zone_38",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",38500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
export const PRJ_BEIJING54 = 'PROJCS["Beijing_1954_3_Degree_GK_CM_114E",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

const SHAPE_TYPE = { point: 1, line: 3, polygon: 5 } as const;

function contentOf(s: ShpShape): DataView {
  if (s.type === 'point') {
    const v = new DataView(new ArrayBuffer(20));
    v.setInt32(0, 1, true); v.setFloat64(4, s.at[0], true); v.setFloat64(12, s.at[1], true);
    return v;
  }
  const parts = s.type === 'polygon' ? s.rings : s.parts;
  const points = parts.flat();
  const v = new DataView(new ArrayBuffer(44 + parts.length * 4 + points.length * 16));
  v.setInt32(0, SHAPE_TYPE[s.type], true);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((b, i) => v.setFloat64(4 + i * 8, b, true));
  v.setInt32(36, parts.length, true);
  v.setInt32(40, points.length, true);
  let start = 0;
  parts.forEach((p, i) => { v.setInt32(44 + i * 4, start, true); start += p.length; });
  const at = 44 + parts.length * 4;
  points.forEach((p, i) => { v.setFloat64(at + i * 16, p[0], true); v.setFloat64(at + i * 16 + 8, p[1], true); });
  return v;
}

function header(fileBytes: number, type: number, shapes: ShpShape[]): DataView {
  const v = new DataView(new ArrayBuffer(100));
  v.setInt32(0, 9994, false);
  v.setInt32(24, fileBytes / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, type, true);
  const pts = shapes.flatMap((s) => (s.type === 'point' ? [s.at] : s.type === 'polygon' ? s.rings.flat() : s.parts.flat()));
  if (pts.length) {
    [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))]
      .forEach((b, i) => v.setFloat64(36 + i * 8, b, true));
  }
  return v;
}

export function shpFiles(shapes: ShpShape[]): { shp: Uint8Array; shx: Uint8Array } {
  const contents = shapes.map(contentOf);
  const shpBytes = 100 + contents.reduce((n, c) => n + 8 + c.byteLength, 0);
  const shp = new Uint8Array(shpBytes);
  const shx = new Uint8Array(100 + shapes.length * 8);
  const type = shapes[0] ? SHAPE_TYPE[shapes[0].type] : 5;
  shp.set(new Uint8Array(header(shpBytes, type, shapes).buffer), 0);
  shx.set(new Uint8Array(header(shx.length, type, shapes).buffer), 0);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  let p = 100;
  contents.forEach((c, i) => {
    xv.setInt32(100 + i * 8, p / 2, false);
    xv.setInt32(104 + i * 8, c.byteLength / 2, false);
    sv.setInt32(p, i + 1, false);
    sv.setInt32(p + 4, c.byteLength / 2, false);
    shp.set(new Uint8Array(c.buffer), p + 8);
    p += 8 + c.byteLength;
  });
  return { shp, shx };
}

const bytesOf = (v: Uint8Array | string) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);

export function dbfFile(fields: DbfField[], rows: (Uint8Array | string | number | null)[][], ldid = 0): Uint8Array {
  const recordLen = 1 + fields.reduce((n, f) => n + f.length, 0);
  const headerLen = 32 + fields.length * 32 + 1;
  const out = new Uint8Array(headerLen + rows.length * recordLen + 1);
  const v = new DataView(out.buffer);
  out[0] = 3;
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recordLen, true);
  out[29] = ldid;
  fields.forEach((f, i) => {
    out.set(bytesOf(f.name).subarray(0, 10), 32 + i * 32);
    out[32 + i * 32 + 11] = f.type.charCodeAt(0);
    out[32 + i * 32 + 16] = f.length;
  });
  out[headerLen - 1] = 0x0d;
  rows.forEach((row, r) => {
    const at = headerLen + r * recordLen;
    out.fill(0x20, at, at + recordLen);
    let off = at + 1;
    fields.forEach((f, i) => {
      const val = row[i];
      const b = val === null || val === undefined ? new Uint8Array(0) : bytesOf(typeof val === 'number' ? String(val).padStart(f.length) : val);
      out.set(b.subarray(0, f.length), off);
      off += f.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

export function zip(files: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, bytesOf(v)])));
}

/** Clockwise ring of a box (the Shapefile's outer-ring order). */
export function boxCw(w: number, s: number, e: number, n: number): Ring {
  return [[w, s], [w, n], [e, n], [e, s], [w, s]];
}
