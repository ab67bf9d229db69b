// Validity checks for committed polygons (OGC simple-feature rules, strictly): rings closed, at least
// four positions, no repeated vertex, no two edges touching or crossing except neighbours at their
// shared vertex — across all rings of a polygon, so holes may not touch their shell either. The build
// refuses to write a layer that fails, and the tests run the same checks on the committed files.
import type { Areal, Position, Ring } from './geojson-types.ts';
import { polygonsOf } from './geojson-types.ts';

export function arealProblems(g: Areal): string[] {
  const problems: string[] = [];
  polygonsOf(g).forEach((poly, p) => {
    const shape = poly.flatMap((ring, r) => ringShapeProblems(ring).map((m) => `polygon ${p} ring ${r}: ${m}`));
    if (poly.length === 0) shape.push(`polygon ${p} has no rings`);
    problems.push(...(shape.length ? shape : crossings(poly).map((m) => `polygon ${p}: ${m}`)));
  });
  return problems;
}

function ringShapeProblems(ring: Ring): string[] {
  const out: string[] = [];
  if (ring.length < 4) out.push(`only ${ring.length} positions`);
  const first = ring[0], last = ring[ring.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) out.push('not closed');
  const seen = new Set<string>();
  for (const p of ring.slice(0, -1)) {
    const key = `${p[0]},${p[1]}`;
    if (seen.has(key)) {
      out.push(`repeated vertex ${key}`);
      break;
    }
    seen.add(key);
  }
  return out;
}

interface Segment { a: Position; b: Position; ring: number; index: number; size: number; minX: number; maxX: number }

/** Sweep over x: only edges whose x-ranges overlap are compared. */
function crossings(poly: Ring[]): string[] {
  const segments: Segment[] = [];
  poly.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!, b = ring[i + 1]!;
      segments.push({ a, b, ring: r, index: i, size: ring.length - 1, minX: Math.min(a[0]!, b[0]!), maxX: Math.max(a[0]!, b[0]!) });
    }
  });
  segments.sort((s, t) => s.minX - t.minX);
  const active: Segment[] = [];
  for (const s of segments) {
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.maxX < s.minX) active.splice(k, 1);
    for (const t of active) {
      const adjacent = s.ring === t.ring && (Math.abs(s.index - t.index) === 1 || Math.abs(s.index - t.index) === s.size - 1);
      if (adjacent ? collinearOverlap(s, t) : touches(s.a, s.b, t.a, t.b)) {
        return [`edges ${s.ring}:${s.index} and ${t.ring}:${t.index} ${adjacent ? 'fold back' : 'intersect'} near ${s.a.join(',')}`];
      }
    }
    active.push(s);
  }
  return [];
}

function orient(p: Position, q: Position, r: Position): number {
  const v = (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(p: Position, q: Position, r: Position): boolean {
  return Math.min(p[0]!, q[0]!) <= r[0]! && r[0]! <= Math.max(p[0]!, q[0]!) && Math.min(p[1]!, q[1]!) <= r[1]! && r[1]! <= Math.max(p[1]!, q[1]!);
}

/** Do closed segments pq and rs share any point? */
export function touches(p: Position, q: Position, r: Position, s: Position): boolean {
  const o1 = orient(p, q, r), o2 = orient(p, q, s), o3 = orient(r, s, p), o4 = orient(r, s, q);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(p, q, r)) || (o2 === 0 && onSegment(p, q, s)) || (o3 === 0 && onSegment(r, s, p)) || (o4 === 0 && onSegment(r, s, q));
}

/** Neighbouring edges share a vertex; they are wrong only if they run back over each other. */
function collinearOverlap(s: Segment, t: Segment): boolean {
  const shared = [s.a, s.b].find((p) => [t.a, t.b].some((q) => q[0] === p[0] && q[1] === p[1]));
  if (!shared) return true;
  const u = s.a === shared ? s.b : s.a;
  const v = t.a[0] === shared[0] && t.a[1] === shared[1] ? t.b : t.a;
  if (orient(shared, u, v) !== 0) return false;
  return (u[0]! - shared[0]!) * (v[0]! - shared[0]!) + (u[1]! - shared[1]!) * (v[1]! - shared[1]!) > 0;
}
