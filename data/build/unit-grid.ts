// The unit grid (万米单元网格): a lat/lon lattice of ~100 m × 100 m squares over the city, each square
// cut along community borders so every cell lies in exactly one community. Cells are numbered
// west→east, north→south within their community, after the community's 12-digit code (CJ/T 213 style,
// see @cw/shared/domain/grid-code).
import * as turf from '@turf/turf';
import { formatGridCode } from '@cw/shared/domain/grid-code';
import type { Areal, Polygon, Position, Ring } from './geojson-types.ts';
import { polygonsOf } from './geojson-types.ts';
import { METRES_PER_DEGREE, signedArea } from './planar.ts';
import { clipPolygonsToRect } from './rect-clip.ts';
import { sharedBorder } from './fragments.ts';
import { unionAreal } from './polygon-ops.ts';
import { roundCoord, roundRing } from './precision.ts';

/** The lattice is anchored north-west of 驻马店 so every district in the city shares it. */
export const LATTICE_ORIGIN: Readonly<Position> = [113.4, 33.3];
/** Squares are square in metres at this latitude; ±0.2 % in area across 驿城区. */
const LATTICE_LATITUDE = 33;
/** Pieces below this share of a nominal cell (cellMeters²) are slivers. */
const SLIVER_SHARE = 0.1;
/** A sliver joins a neighbour only if the merged cell stays within 5 % of a nominal full cell. */
const MERGED_MAX_SHARE = 1.05;

export interface GridCommunity {
  code: string;
  streetCode: string;
  districtCode: string;
  /** Responsible unit, e.g. 中山街社区居委会. */
  owner: string;
  geometry: Areal;
}

export interface UnitGridCell {
  code: string;
  community: string;
  street: string;
  district: string;
  areaM2: number;
  owner: string;
  geometry: Polygon;
}

export interface UnitGridStats {
  cells: number;
  full: number;
  partial: number;
  slivers: number;
  sliversMerged: number;
  sliversDropped: number;
  droppedM2: number;
}

export interface UnitGrid {
  cellMeters: number;
  cells: UnitGridCell[];
  stats: UnitGridStats;
}

export interface Lattice {
  cellMeters: number;
  dLon: number;
  dLat: number;
  lon(col: number): number;
  lat(row: number): number;
  col(lon: number): number;
  row(lat: number): number;
}

export function lattice(cellMeters: number): Lattice {
  const dLat = cellMeters / METRES_PER_DEGREE;
  const dLon = dLat / Math.cos((LATTICE_LATITUDE * Math.PI) / 180);
  const [lon0, lat0] = LATTICE_ORIGIN as [number, number];
  return {
    cellMeters,
    dLon,
    dLat,
    lon: (c) => lon0 + c * dLon,
    lat: (r) => lat0 - r * dLat,
    col: (lon) => Math.floor((lon - lon0) / dLon),
    row: (lat) => Math.floor((lat0 - lat) / dLat),
  };
}

/** The lattice square a cell is, if it is a whole one (uncut by any border), else null. */
export function wholeSquare(grid: Lattice, g: Polygon): { row: number; col: number } | null {
  const ring = g.coordinates[0]!;
  if (g.coordinates.length !== 1 || ring.length !== 5) return null;
  const [w, s, e, n] = turf.bbox(g);
  const row = grid.row((s + n) / 2), col = grid.col((w + e) / 2);
  const corners = [[grid.lon(col), grid.lat(row + 1)], [grid.lon(col + 1), grid.lat(row + 1)], [grid.lon(col + 1), grid.lat(row)], [grid.lon(col), grid.lat(row)]];
  const isCorner = (p: Position): boolean => corners.some(([x, y]) => Math.abs(p[0]! - x!) < 1e-6 && Math.abs(p[1]! - y!) < 1e-6);
  return ring.every(isCorner) && new Set(ring.slice(0, 4).map((p) => p.join())).size === 4 ? { row, col } : null;
}

interface Piece {
  row: number;
  col: number;
  rings: Ring[];
  areaM2: number;
  full: boolean;
}

/** Cuts the lattice along the borders of the communities whose street passes `streetsFilter`. */
export function buildUnitGrid(
  communities: readonly GridCommunity[],
  streetsFilter: (streetCode: string) => boolean,
  cellMeters = 100,
): UnitGrid {
  const grid = lattice(cellMeters);
  const stats: UnitGridStats = { cells: 0, full: 0, partial: 0, slivers: 0, sliversMerged: 0, sliversDropped: 0, droppedM2: 0 };
  const cells: UnitGridCell[] = [];

  for (const community of communities) {
    if (!streetsFilter(community.streetCode)) continue;
    const pieces = cutCommunity(community.geometry, grid);
    const kept = absorbSlivers(pieces, cellMeters * cellMeters, stats);
    kept.sort((a, b) => a.row - b.row || a.col - b.col || westOf(a) - westOf(b));
    if (kept.length > 9999) throw new Error(`community ${community.code} needs ${kept.length} cells, codes allow 9999`);
    kept.forEach((p, i) => {
      cells.push({
        code: formatGridCode(community.code, i + 1),
        community: community.code,
        street: community.streetCode,
        district: community.districtCode,
        areaM2: Math.round(p.areaM2),
        owner: community.owner,
        geometry: { type: 'Polygon', coordinates: p.rings },
      });
      if (p.full) stats.full++;
      else stats.partial++;
    });
  }
  stats.cells = cells.length;
  return { cellMeters, cells, stats };
}

function cutCommunity(geometry: Areal, grid: Lattice): Piece[] {
  const polys = polygonsOf(geometry).map((poly) => poly.map((ring, k) => oriented(ring, k === 0)));
  const [w, s, e, n] = turf.bbox(geometry);
  const c0 = grid.col(w), c1 = grid.col(e), r0 = grid.row(n), r1 = grid.row(s);
  const west = grid.lon(c0), east = grid.lon(c1 + 1);
  const pieces: Piece[] = [];

  for (let row = r0; row <= r1; row++) {
    const top = grid.lat(row), bottom = grid.lat(row + 1);
    const band = clipPolygonsToRect(polys, [west, bottom, east, top]);
    if (band.length === 0) continue;
    const cut = new Set<number>();
    const crossings: number[] = [];
    const mid = (top + bottom) / 2;
    for (const poly of band) for (const ring of poly) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i] as [number, number];
        const [bx, by] = ring[i + 1] as [number, number];
        const alongBand = ay === by && (ay === top || ay === bottom);
        if (!alongBand) for (let c = grid.col(Math.min(ax, bx)); c <= grid.col(Math.max(ax, bx)); c++) cut.add(c);
        if (ay > mid !== by > mid) crossings.push(ax + ((mid - ay) * (bx - ax)) / (by - ay));
      }
    }
    crossings.sort((a, b) => a - b);
    let k = 0;
    for (let col = c0; col <= c1; col++) {
      const left = grid.lon(col), right = grid.lon(col + 1);
      if (cut.has(col)) {
        for (const poly of clipPolygonsToRect(band, [left, bottom, right, top])) {
          const outer = roundRing(poly[0]!, true);
          if (!outer) continue;
          const rings = [outer, ...poly.slice(1).map((h) => roundRing(h, false)).filter((h): h is Ring => h !== null)];
          pieces.push({ row, col, rings, areaM2: turf.area({ type: 'Polygon', coordinates: rings }), full: false });
        }
        continue;
      }
      const centre = (left + right) / 2;
      while (k < crossings.length && crossings[k]! < centre) k++;
      if (k % 2 === 1) {
        const ring = squareRing(grid, row, col);
        pieces.push({ row, col, rings: [ring], areaM2: turf.area({ type: 'Polygon', coordinates: [ring] }), full: true });
      }
    }
  }
  return pieces;
}

/** A sliver joins the neighbouring piece of the same community it shares the longest border with, if
 *  the merged cell stays near a full cell's size; otherwise it is dropped (and counted in the stats). */
function absorbSlivers(pieces: Piece[], nominalM2: number, stats: UnitGridStats): Piece[] {
  const isSliver = (p: Piece): boolean => !p.full && p.areaM2 < SLIVER_SHARE * nominalM2;
  const byCell = new Map<string, Piece[]>();
  const key = (row: number, col: number): string => `${row}:${col}`;
  for (const p of pieces) {
    const list = byCell.get(key(p.row, p.col));
    if (list) list.push(p);
    else byCell.set(key(p.row, p.col), [p]);
  }
  const gone = new Set<Piece>();
  const slivers = pieces.filter(isSliver).sort((a, b) => a.areaM2 - b.areaM2 || a.row - b.row || a.col - b.col);
  stats.slivers += slivers.length;
  for (const sliver of slivers) {
    if (gone.has(sliver) || !isSliver(sliver)) continue;
    const limit = MERGED_MAX_SHARE * nominalM2 - sliver.areaM2;
    let best: Piece | null = null;
    let bestBorder = 0;
    for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [1, 0]] as const) {
      for (const other of byCell.get(key(sliver.row + dr, sliver.col + dc)) ?? []) {
        if (gone.has(other) || other.full || other.areaM2 > limit) continue;
        const border = sharedBorder(sliver.rings[0]!, [other.rings]);
        if (border > bestBorder) {
          best = other;
          bestBorder = border;
        }
      }
    }
    const merged = best && unionAreal([{ type: 'Polygon', coordinates: best.rings }, { type: 'Polygon', coordinates: sliver.rings }]);
    if (best && merged?.type === 'Polygon') {
      best.rings = merged.coordinates.map((r, j) => roundRing(r, j === 0)!);
      best.areaM2 = turf.area(merged);
      stats.sliversMerged++;
    } else {
      stats.sliversDropped++;
      stats.droppedM2 += sliver.areaM2;
    }
    gone.add(sliver);
  }
  return pieces.filter((p) => !gone.has(p));
}

function squareRing(grid: Lattice, row: number, col: number): Ring {
  const w = roundCoord(grid.lon(col)), e = roundCoord(grid.lon(col + 1));
  const n = roundCoord(grid.lat(row)), s = roundCoord(grid.lat(row + 1));
  return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}

function oriented(ring: Ring, outer: boolean): Ring {
  return signedArea(ring) > 0 === outer ? ring : [...ring].reverse();
}

function westOf(p: Piece): number {
  return Math.min(...p.rings[0]!.map((q) => q[0]!));
}

