// The geometry records of an ESRI .shp file (points, multipoints, polylines, polygons and their Z/M
// variants, whose extra measures are skipped). Every count is checked against the record's length,
// so a truncated or lying file is refused instead of read past its end.
import { unreadable } from './import-error.ts';

export type ShpGeometry =
  | { type: 'Point'; coordinates: number[] }
  | { type: 'MultiPoint' | 'LineString'; coordinates: number[][] }
  | { type: 'MultiLineString' | 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

const MAX_POINTS = 5_000_000;

export function readShp(bytes: Uint8Array): (ShpGeometry | null)[] {
  if (bytes.length < 100) throw unreadable('.shp 文件不完整（不足 100 字节的文件头）');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getInt32(0, false) !== 9994) throw unreadable('.shp 文件头不对（不是 Shapefile）');
  const declared = v.getInt32(24, false) * 2;
  const end = Math.min(bytes.length, declared > 100 ? declared : bytes.length);
  const out: (ShpGeometry | null)[] = [];
  let p = 100;
  let points = 0;
  while (p + 8 <= end) {
    const len = v.getInt32(p + 4, false) * 2;
    const start = p + 8;
    if (len < 4 || start + len > bytes.length) throw unreadable(`.shp 第 ${out.length + 1} 条记录被截断`);
    const g = readRecord(v, start, start + len, out.length + 1);
    if (g) points += pointCount(g);
    if (points > MAX_POINTS) throw unreadable(`.shp 坐标点超过 ${MAX_POINTS} 个，过大`);
    out.push(g);
    p = start + len;
  }
  return out;
}

function pointCount(g: ShpGeometry): number {
  switch (g.type) {
    case 'Point': return 1;
    case 'MultiPoint': case 'LineString': return g.coordinates.length;
    case 'MultiLineString': case 'Polygon': return g.coordinates.reduce((n, r) => n + r.length, 0);
    case 'MultiPolygon': return g.coordinates.reduce((n, poly) => n + poly.reduce((m, r) => m + r.length, 0), 0);
  }
}

function readRecord(v: DataView, p: number, end: number, n: number): ShpGeometry | null {
  const type = v.getInt32(p, true);
  if (type === 0) return null;
  const base = type % 10;
  const need = (bytes: number) => { if (bytes > end) throw unreadable(`.shp 第 ${n} 条记录长度不足`); };
  if (base === 1) {
    need(p + 20);
    return { type: 'Point', coordinates: [v.getFloat64(p + 4, true), v.getFloat64(p + 12, true)] };
  }
  if (base === 8) {
    need(p + 40);
    const count = v.getInt32(p + 36, true);
    if (count < 0) throw unreadable(`.shp 第 ${n} 条记录点数无效`);
    need(p + 40 + count * 16);
    return { type: 'MultiPoint', coordinates: readPoints(v, p + 40, 0, count) };
  }
  if (base !== 3 && base !== 5) throw unreadable(`.shp 第 ${n} 条记录的几何类型 ${type} 不受支持`);
  need(p + 44);
  const parts = v.getInt32(p + 36, true);
  const count = v.getInt32(p + 40, true);
  if (parts < 1 || count < 0 || parts > count + 1) throw unreadable(`.shp 第 ${n} 条记录的部件数无效`);
  const pointsAt = p + 44 + parts * 4;
  need(pointsAt + count * 16);
  const lines: number[][][] = [];
  for (let i = 0; i < parts; i++) {
    const from = v.getInt32(p + 44 + i * 4, true);
    const to = i + 1 < parts ? v.getInt32(p + 48 + i * 4, true) : count;
    if (from < 0 || to > count || from > to) throw unreadable(`.shp 第 ${n} 条记录的部件索引越界`);
    lines.push(readPoints(v, pointsAt, from, to));
  }
  if (base === 3) return lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines };
  return polygonFromRings(lines);
}

function readPoints(v: DataView, at: number, from: number, to: number): number[][] {
  const pts: number[][] = [];
  for (let i = from; i < to; i++) pts.push([v.getFloat64(at + i * 16, true), v.getFloat64(at + i * 16 + 8, true)]);
  return pts;
}

/** Twice the signed area (shoelace): positive = counter-clockwise; negative = clockwise, the Shapefile's outer rings. */
export function ringArea2(ring: readonly number[][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s;
}

function inRing(pt: readonly number[], ring: readonly number[][]): boolean {
  let inside = false;
  const [x, y] = pt as [number, number];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shapefile rings: clockwise outers, counter-clockwise holes, each hole after or anywhere near its
 *  outer; a hole goes to the smallest outer that contains it. */
function polygonFromRings(rings: number[][][]): ShpGeometry {
  const outers: number[][][][] = [];
  const holes: number[][][] = [];
  for (const r of rings) (ringArea2(r) <= 0 ? outers.push([r]) : holes.push(r));
  if (!outers.length) return rings.length === 1 ? { type: 'Polygon', coordinates: rings } : { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) };
  for (const h of holes) {
    let best: number[][][] | null = null;
    for (const o of outers) {
      if (h[0] && inRing(h[0], o[0]!) && (!best || Math.abs(ringArea2(o[0]!)) < Math.abs(ringArea2(best[0]!)))) best = o;
    }
    if (best) best.push(h); else outers.push([h]);
  }
  return outers.length === 1 ? { type: 'Polygon', coordinates: outers[0]! } : { type: 'MultiPolygon', coordinates: outers };
}
