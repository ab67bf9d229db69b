// One label point per area. MapLibre labels polygons per tile piece, so a big district would get its
// name once per tile; instead each area gets a single point, inside it and clear of its edges.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';

type Ring = Position[];

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j]![0]! * ring[i]![1]!) - (ring[i]![0]! * ring[j]![1]!);
  }
  return a / 2;
}

function ringCentroid(ring: Ring): Position {
  let x = 0;
  let y = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
    x += (ring[j]![0]! + ring[i]![0]!) * f;
    y += (ring[j]![1]! + ring[i]![1]!) * f;
    a += f;
  }
  if (a === 0) return ring[0] ?? [0, 0];
  return [x / (3 * a), y / (3 * a)];
}

function insideRing(p: Position, ring: Ring): boolean {
  let inside = false;
  const [px, py] = p as [number, number];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if ((yi > py) !== (yj > py) && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insidePolygon(p: Position, rings: Ring[]): boolean {
  return insideRing(p, rings[0]!) && !rings.slice(1).some((hole) => insideRing(p, hole));
}

function segmentDistance(p: Position, a: Position, b: Position): number {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const dx = b[0]! - ax;
  const dy = b[1]! - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return Math.sqrt(x * x + y * y);
}

function edgeDistance(p: Position, rings: Ring[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) best = Math.min(best, segmentDistance(p, ring[j]!, ring[i]!));
  }
  return best;
}

/** A point well inside the polygon: its centroid when that is clear of the edges, else a grid search. */
export function polygonLabelPoint(rings: Ring[]): Position {
  const outer = rings[0]!;
  const xs = outer.map((p) => p[0]!);
  const ys = outer.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const size = Math.min(maxX - minX, maxY - minY);
  const centroid = ringCentroid(outer);
  if (insidePolygon(centroid, rings) && edgeDistance(centroid, rings) > size * 0.15) return centroid;

  let best: Position = centroid;
  let bestDist = insidePolygon(centroid, rings) ? edgeDistance(centroid, rings) : -1;
  let [cx, cy, w, h] = [(minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY];
  const n = 12;
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const p: Position = [cx - w / 2 + (w * i) / n, cy - h / 2 + (h * j) / n];
        if (!insidePolygon(p, rings)) continue;
        const d = edgeDistance(p, rings);
        if (d > bestDist) {
          bestDist = d;
          best = p;
        }
      }
    }
    [cx, cy, w, h] = [best[0]!, best[1]!, (w * 2) / n, (h * 2) / n];
  }
  return best;
}

/** The largest polygon of a feature (a district may have exclaves). */
function mainPolygon(geometry: Polygon | MultiPolygon): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  let best = geometry.coordinates[0]!;
  let bestArea = -1;
  for (const poly of geometry.coordinates) {
    const a = Math.abs(ringArea(poly[0]!));
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  return best;
}

export function labelPoints<P>(fc: FeatureCollection<Polygon | MultiPolygon, P>): FeatureCollection<Point, P> {
  const features: Feature<Point, P>[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    features.push({ type: 'Feature', properties: f.properties, geometry: { type: 'Point', coordinates: polygonLabelPoint(mainPolygon(f.geometry)) } });
  }
  return { type: 'FeatureCollection', features };
}

export type Bounds = [number, number, number, number];

/** [west, south, east, north] of any GeoJSON geometry's coordinates. */
export function boundsOf(features: readonly Feature[]): Bounds | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1] as number);
      n = Math.max(n, c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
