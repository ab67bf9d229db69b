// Splits an areal geometry into regions of planned relative size grown from given seats: a power
// (weighted Voronoi) diagram whose weights are tuned until each cell's area inside the parent meets
// its share, with a little Lloyd relaxation so cells stay compact. Cells are convex and tile the
// plane, so their intersections with the parent tile the parent: no gaps, no overlaps.
import type { Areal, Position, Ring } from './geojson-types.ts';
import { polygonsOf } from './geojson-types.ts';
import { clipByHalfPlane, clipToConvex, ringMoments, signedArea, type LocalPlane, type XY } from './planar.ts';
import { intersectAreal } from './polygon-ops.ts';
import { absorbFragments } from './fragments.ts';

export interface PartitionSite {
  id: string;
  seat: Position;
  /** Relative planned area. */
  share: number;
}

export interface PartitionOptions {
  plane: LocalPlane;
  iterations?: number;
  /** 0…1: how far each round moves a site toward its cell's centroid. */
  relax?: number;
  /** How far a site may drift from its seat, in multiples of the side of its planned area. */
  maxDrift?: number;
}

export interface Partition {
  regions: Map<string, Areal>;
  /** Largest |area − planned| / planned over the sites, before fragments were re-homed. */
  worstAreaError: number;
}

export function partitionByPower(parent: Areal, sites: readonly PartitionSite[], opts: PartitionOptions): Partition {
  const { plane, iterations = 150, relax = 0.3, maxDrift = 0.6 } = opts;
  if (sites.length === 0) throw new Error('partition needs at least one site');
  const rings = planarRings(parent, plane);
  const total = rings.reduce((s, r) => s + signedArea(r), 0);
  const shareSum = sites.reduce((s, x) => s + x.share, 0);
  const target = sites.map((s) => (s.share / shareSum) * total);
  const anchor = sites.map((s) => plane.toPlane(s.seat));
  const pos: XY[] = anchor.map((p) => [p[0], p[1]]);
  const weight = sites.map(() => 0);
  const frame = frameAround(rings);

  let worst = Infinity;
  for (let round = 0; round < iterations; round++) {
    worst = 0;
    for (let i = 0; i < sites.length; i++) {
      const cell = powerCell(i, pos, weight, frame);
      let area = 0;
      let mx = 0;
      let my = 0;
      for (const ring of rings) {
        const m = ringMoments(clipToConvex(ring, cell));
        area += m.area;
        mx += m.cx * m.area;
        my += m.cy * m.area;
      }
      const t = target[i]!;
      worst = Math.max(worst, Math.abs(area - t) / t);
      // A power cell's area grows by about (π/2)·Δw when its weight grows by Δw.
      weight[i]! += 0.5 * (t - area);
      if (area > 0) {
        const p = pos[i]!;
        p[0] += relax * (mx / area - p[0]);
        p[1] += relax * (my / area - p[1]);
        clampTo(p, anchor[i]!, maxDrift * Math.sqrt(t));
      }
    }
  }

  const regions = new Map<string, Areal>();
  sites.forEach((site, i) => {
    const cell = powerCell(i, pos, weight, frame).map((p) => plane.toLonLat(p));
    if (cell.length < 3) throw new Error(`partition left ${site.id} without a cell`);
    const piece = intersectAreal(parent, { type: 'Polygon', coordinates: [[...cell, cell[0]!]] });
    if (!piece) throw new Error(`partition left ${site.id} empty`);
    regions.set(site.id, piece);
  });
  return { regions: absorbFragments(regions), worstAreaError: worst };
}

/** Parent rings in the plane, outer rings counter-clockwise and holes clockwise. */
function planarRings(parent: Areal, plane: LocalPlane): XY[][] {
  const out: XY[][] = [];
  for (const poly of polygonsOf(parent)) {
    poly.forEach((ring: Ring, k) => {
      const xy = ring.slice(0, -1).map((p) => plane.toPlane(p));
      const ccw = signedArea(xy) > 0;
      out.push(ccw === (k === 0) ? xy : xy.reverse());
    });
  }
  return out;
}

function frameAround(rings: XY[][]): XY[] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) for (const [x, y] of r) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  const m = Math.max(x1 - x0, y1 - y0) * 0.1;
  return [[x0 - m, y0 - m], [x1 + m, y0 - m], [x1 + m, y1 + m], [x0 - m, y1 + m]];
}

/** Points p with |p−sᵢ|² − wᵢ ≤ |p−sⱼ|² − wⱼ for every j: a convex polygon (counter-clockwise). */
function powerCell(i: number, pos: readonly XY[], weight: readonly number[], frame: XY[]): XY[] {
  const [xi, yi] = pos[i]!;
  const wi = weight[i]!;
  let cell = frame;
  for (let j = 0; j < pos.length && cell.length > 0; j++) {
    if (j === i) continue;
    const [xj, yj] = pos[j]!;
    const c = xj * xj + yj * yj - xi * xi - yi * yi - weight[j]! + wi;
    cell = clipByHalfPlane(cell, 2 * (xj - xi), 2 * (yj - yi), c);
  }
  return cell;
}

function clampTo(p: XY, anchor: XY, radius: number): void {
  const dx = p[0] - anchor[0];
  const dy = p[1] - anchor[1];
  const d = Math.hypot(dx, dy);
  if (d > radius) {
    p[0] = anchor[0] + (dx * radius) / d;
    p[1] = anchor[1] + (dy * radius) / d;
  }
}

