// Clips polygons to an axis-aligned rectangle (Weiler–Atherton specialised to a rectangle window):
// each ring is cut into chains that enter and leave the rectangle, and the chains are stitched
// together along the rectangle's border, counter-clockwise. Unlike Sutherland–Hodgman this returns
// separate, valid polygons when a concave shape crosses the window more than once, and it is linear
// in the ring size, which makes the 130k-cell unit grid cheap. Rings must be oriented the GeoJSON way
// (outer counter-clockwise, holes clockwise): then the inside is always on an edge's left.
import type { Position, Ring } from './geojson-types.ts';
import { signedArea } from './planar.ts';

/** [west, south, east, north] */
export type Rect = [number, number, number, number];

interface Chain { points: Position[]; entry: number; exit: number }

export function clipPolygonsToRect(polygons: readonly Ring[][], rect: Rect): Ring[][] {
  const [w, s, e, n] = rect;
  const chains: Chain[] = [];
  const wholeOuters: Position[][] = [];
  const wholeHoles: Position[][] = [];

  for (const poly of polygons) {
    for (const closed of poly) {
      const ring = open(closed);
      if (ring.length < 3) continue;
      const [rw, rs, re, rn] = box(ring);
      if (rw > e || re < w || rs > n || rn < s) continue;
      const start = ring.findIndex(([x, y]) => x! < w || x! > e || y! < s || y! > n);
      if (start < 0) {
        (signedArea(ring) > 0 ? wholeOuters : wholeHoles).push(ring);
        continue;
      }
      cutRing(ring, start, rect, chains);
    }
  }

  const outers: Position[][] = [...stitch(chains, rect), ...wholeOuters];
  // No ring crosses the border: the rectangle is either wholly inside the polygons or wholly outside.
  if (chains.length === 0 && contains(polygons, [w, s])) outers.push(rectRing(rect));

  const result: Ring[][] = outers.map((o) => [close(o)]);
  for (const hole of wholeHoles) {
    const owner = result.find((poly) => contains([poly], hole[0]!));
    if (owner) owner.push(close(hole));
  }
  return result;
}

function cutRing(ring: Position[], start: number, rect: Rect, chains: Chain[]): void {
  const len = ring.length;
  let current: Position[] | null = null;
  for (let k = 0; k < len; k++) {
    const a = ring[(start + k) % len]!;
    const b = ring[(start + k + 1) % len]!;
    const seg = clipSegment(a, b, rect);
    if (current && (!seg || seg.t0 > 0)) {
      // The chain ended on the border at a vertex; this edge starts outside or only touches.
      chains.push(makeChain(current, rect));
      current = null;
    }
    if (!seg || seg.t1 - seg.t0 <= 0) continue;
    if (!current) current = [seg.p0];
    current.push(seg.p1);
    if (seg.t1 < 1) {
      chains.push(makeChain(current, rect));
      current = null;
    }
  }
  if (current) chains.push(makeChain(current, rect));
}

function makeChain(points: Position[], rect: Rect): Chain {
  return { points, entry: borderParam(points[0]!, rect), exit: borderParam(points[points.length - 1]!, rect) };
}

/** Liang–Barsky; the end points that land on the border are snapped onto it exactly. */
function clipSegment(a: Position, b: Position, [w, s, e, n]: Rect): { t0: number; t1: number; p0: Position; p1: Position } | null {
  const ax = a[0]!, ay = a[1]!;
  const dx = b[0]! - ax, dy = b[1]! - ay;
  let t0 = 0, t1 = 1;
  let snap0: [number, number] | null = null;
  let snap1: [number, number] | null = null;
  const sides: [number, number, number, number][] = [
    [-dx, ax - w, 0, w], [dx, e - ax, 0, e], [-dy, ay - s, 1, s], [dy, n - ay, 1, n],
  ];
  for (const [p, q, axis, value] of sides) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) { t0 = r; snap0 = [axis, value]; }
    } else {
      if (r < t0) return null;
      if (r < t1) { t1 = r; snap1 = [axis, value]; }
    }
  }
  const point = (t: number, snap: [number, number] | null): Position => {
    const p: Position = t === 0 ? [ax, ay] : t === 1 ? [b[0]!, b[1]!] : [ax + t * dx, ay + t * dy];
    if (snap) p[snap[0]] = snap[1];
    return p;
  };
  return { t0, t1, p0: point(t0, snap0), p1: point(t1, snap1) };
}

/** Position along the border, counter-clockwise from the south-west corner. */
function borderParam([x, y]: Position, [w, s, e, n]: Rect): number {
  const W = e - w, H = n - s;
  const d = [Math.abs(y! - s), Math.abs(x! - e), Math.abs(y! - n), Math.abs(x! - w)];
  const side = d.indexOf(Math.min(...d));
  if (side === 0) return x! - w;
  if (side === 1) return W + (y! - s);
  if (side === 2) return W + H + (e - x!);
  return 2 * W + H + (n - y!);
}

function stitch(chains: Chain[], rect: Rect): Position[][] {
  const [w, s, e, n] = rect;
  const W = e - w, H = n - s, P = 2 * (W + H);
  const corners: [number, Position][] = [[0, [w, s]], [W, [e, s]], [W + H, [e, n]], [2 * W + H, [w, n]]];
  const ahead = (from: number, to: number): number => (((to - from) % P) + P) % P;
  const used = new Set<Chain>();
  const rings: Position[][] = [];
  for (const first of chains) {
    if (used.has(first)) continue;
    const ring: Position[] = [];
    let chain = first;
    for (;;) {
      used.add(chain);
      ring.push(...chain.points);
      // Walk the border counter-clockwise (inside on the left) to the nearest entry still open.
      let next = first;
      let gap = ahead(chain.exit, first.entry);
      for (const c of chains) {
        if (used.has(c)) continue;
        const d = ahead(chain.exit, c.entry);
        if (d < gap) { gap = d; next = c; }
      }
      corners
        .map(([t, corner]) => [ahead(chain.exit, t), corner] as const)
        .filter(([d]) => d > 0 && d < gap)
        .sort((a, b) => a[0] - b[0])
        .forEach(([, corner]) => ring.push(corner));
      if (next === first) break;
      chain = next;
    }
    const clean = dedupe(ring);
    if (clean.length >= 3 && signedArea(clean) > 0) rings.push(clean);
  }
  return rings;
}

function rectRing([w, s, e, n]: Rect): Position[] {
  return [[w, s], [e, s], [e, n], [w, n]];
}

/** Even–odd point in polygons. */
function contains(polygons: readonly Ring[][], [x, y]: Position): boolean {
  let inside = false;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
      }
    }
  }
  return inside;
}

function box(ring: Position[]): Rect {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    w = Math.min(w, x!); s = Math.min(s, y!); e = Math.max(e, x!); n = Math.max(n, y!);
  }
  return [w, s, e, n];
}

function open(ring: Ring): Position[] {
  const a = ring[0], b = ring[ring.length - 1];
  return a && b && ring.length > 1 && a[0] === b[0] && a[1] === b[1] ? ring.slice(0, -1) : ring;
}

function close(ring: Position[]): Ring {
  return [...ring, [ring[0]![0]!, ring[0]![1]!]];
}

function dedupe(ring: Position[]): Position[] {
  return ring.filter((p, i) => {
    const q = ring[(i + ring.length - 1) % ring.length]!;
    return p[0] !== q[0] || p[1] !== q[1];
  });
}
