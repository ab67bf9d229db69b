// One feature's geometry checked and repaired for its layer's kind: positions must be finite and on
// the globe; rings are closed, stripped of repeated points and wound as RFC 7946 wants (outer
// counter-clockwise); rings too short or crossing themselves are refused with the reason.
import { selfIntersection } from './self-intersection.ts';
import type { RawGeometry } from './raw-feature.ts';
import type { GeometryKind } from './layer-kinds.ts';
import { ringArea2 } from './shp-geometry.ts';

export type CleanGeometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'MultiLineString'; coordinates: [number, number][][] }
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

export interface GeometryOutcome {
  geometry: CleanGeometry | null;
  error: { rule: string; message: string } | null;
  repairs: { rule: string; message: string }[];
  bbox: [number, number, number, number] | null;
}

const ALLOWED: Record<GeometryKind, readonly string[]> = {
  polygon: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString'],
  point: ['Point'],
};
const KIND_ZH: Record<GeometryKind, string> = { polygon: '面（Polygon/MultiPolygon）', line: '线（LineString/MultiLineString）', point: '点（Point）' };
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

class Refused extends Error {
  constructor(readonly rule: string, message: string) { super(message); }
}

function position(p: unknown): [number, number] {
  if (!Array.isArray(p) || p.length < 2) throw new Refused('coordinates_invalid', '坐标不是 [经度, 纬度] 数组');
  const [x, y] = p as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new Refused('coordinates_invalid', '坐标含非数值（NaN、无穷或文本）');
  }
  if (x < -180 || x > 180 || y < -90 || y > 90) {
    throw new Refused('out_of_range', `坐标 (${x}, ${y}) 超出经纬度范围：可能是投影坐标而未提供 .prj，或坐标系声明有误`);
  }
  return [round7(x), round7(y)];
}

function positions(a: unknown, what: string): [number, number][] {
  if (!Array.isArray(a)) throw new Refused('coordinates_invalid', `${what}不是坐标数组`);
  return a.map(position);
}

function list(a: unknown, what: string): unknown[] {
  if (!Array.isArray(a) || !a.length) throw new Refused('coordinates_invalid', `${what}为空或不是数组`);
  return a;
}

function dedupe(pts: [number, number][]): [number, number][] {
  return pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1]![0] || p[1] !== pts[i - 1]![1]);
}

export function checkGeometry(raw: RawGeometry | null, kind: GeometryKind): GeometryOutcome {
  const repairs: { rule: string; message: string }[] = [];
  try {
    if (!raw) throw new Refused('geometry_missing', '要素没有几何');
    if (!ALLOWED[kind].includes(raw.type)) throw new Refused('geometry_type', `几何类型 ${String(raw.type).slice(0, 30)} 不适用于此图层，应为${KIND_ZH[kind]}`);
    const geometry = clean(raw, repairs);
    return { geometry, error: null, repairs, bbox: bboxOf(geometry) };
  } catch (err) {
    if (err instanceof Refused) return { geometry: null, error: { rule: err.rule, message: err.message }, repairs, bbox: null };
    throw err;
  }
}

function clean(raw: RawGeometry, repairs: { rule: string; message: string }[]): CleanGeometry {
  switch (raw.type) {
    case 'Point': return { type: 'Point', coordinates: position(raw.coordinates) };
    case 'LineString': return { type: 'LineString', coordinates: line(raw.coordinates, repairs) };
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: list(raw.coordinates, '多线').map((l) => line(l, repairs)) };
    case 'Polygon': return polygonChecked({ type: 'Polygon', coordinates: polygon(raw.coordinates, repairs) });
    default: {
      const polys = list(raw.coordinates, '多面').map((p) => polygon(p, repairs));
      return polygonChecked(polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys });
    }
  }
}

function line(a: unknown, repairs: { rule: string; message: string }[]): [number, number][] {
  const pts = positions(a, '线');
  const d = dedupe(pts);
  if (d.length < pts.length) repairs.push({ rule: 'duplicate_points_removed', message: `去掉 ${pts.length - d.length} 个重复点` });
  if (d.length < 2) throw new Refused('line_too_short', '线少于 2 个不同的点');
  return d;
}

function polygon(a: unknown, repairs: { rule: string; message: string }[]): [number, number][][] {
  return list(a, '面').map((r, i) => {
    let ring = positions(r, i === 0 ? '外环' : '内环');
    const d = dedupe(ring);
    if (d.length < ring.length) repairs.push({ rule: 'duplicate_points_removed', message: `环 ${i} 去掉 ${ring.length - d.length} 个重复点` });
    ring = d;
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      ring = [...ring, first];
      repairs.push({ rule: 'ring_closed', message: `环 ${i} 未闭合，已补上起点` });
    }
    const unspiked = removeSpikes(ring);
    if (unspiked.length < ring.length) {
      repairs.push({ rule: 'spike_removed', message: `环 ${i} 去掉 ${ring.length - unspiked.length} 个折返尖刺点` });
      ring = unspiked;
    }
    if (ring.length < 4) throw new Refused('ring_too_short', `环 ${i} 少于 3 个不同的点`);
    if (ringArea2(ring) === 0) throw new Refused('ring_degenerate', `环 ${i} 面积为零（点共线）`);
    const ccw = ringArea2(ring) > 0;
    if (ccw !== (i === 0)) {
      ring = ring.slice().reverse();
      repairs.push({ rule: 'rewound', message: `环 ${i} 方向已改为${i === 0 ? '逆' : '顺'}时针（RFC 7946）` });
    }
    return ring;
  });
}

/** Drops corners where the boundary runs out and straight back along itself (a → b → c collinear
 *  with c back towards a): zero-width spikes that rounding leaves on clipped cells. */
function removeSpikes(closed: [number, number][]): [number, number][] {
  const pts = closed.slice(0, -1);
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const a = pts[(i + pts.length - 1) % pts.length]!;
      const b = pts[i]!;
      const c = pts[(i + 1) % pts.length]!;
      const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
      const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
      if ((cross === 0 && dot < 0) || (b[0] === a[0] && b[1] === a[1])) {
        pts.splice(i, 1);
        changed = true;
        i--;
      }
    }
  }
  return pts.length ? [...pts, pts[0]!] : [];
}

function polygonChecked(g: Extract<CleanGeometry, { type: 'Polygon' | 'MultiPolygon' }>): CleanGeometry {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of polys) {
    const at = selfIntersection(p);
    if (at) throw new Refused('self_intersection', `边界自相交（在 ${at[0].toFixed(6)}, ${at[1].toFixed(6)}）`);
  }
  return g;
}

export function bboxOf(g: CleanGeometry): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (p: [number, number]) => { if (p[0] < w) w = p[0]; if (p[0] > e) e = p[0]; if (p[1] < s) s = p[1]; if (p[1] > n) n = p[1]; };
  switch (g.type) {
    case 'Point': visit(g.coordinates); break;
    case 'LineString': g.coordinates.forEach(visit); break;
    case 'MultiLineString': case 'Polygon': g.coordinates.forEach((l) => l.forEach(visit)); break;
    case 'MultiPolygon': g.coordinates.forEach((p) => p.forEach((l) => l.forEach(visit))); break;
  }
  return [w, s, e, n];
}
