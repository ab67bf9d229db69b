// Checks between features: overlaps between neighbours (Flatbush over bounding boxes proposes the
// pairs, an exact polygon intersection measures only pairs whose boxes overlap by more than the
// tolerance — neighbours sharing an edge never get that far), gaps between a parent area and its
// children, and unit cells that fall in no community. Areas on the sphere (turf), in m².
import Flatbush from 'flatbush';
import { area, intersect, featureCollection, feature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Issues } from './issues.ts';

export interface PolygonItem {
  index: number;
  code: string | null;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
  areaM2: number;
  parent: string | null;
}

/** Overlaps smaller than this are rounding between shared borders, not an error in the data. */
export const OVERLAP_TOLERANCE_M2 = 1;
const M_PER_DEG_LAT = 110_574;

function boxOverlapM2(a: PolygonItem['bbox'], b: PolygonItem['bbox']): number {
  const dx = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const dy = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (dx <= 0 || dy <= 0) return 0;
  const lat = (Math.max(a[1], b[1]) + Math.min(a[3], b[3])) / 2;
  return dx * 111_320 * Math.cos((lat * Math.PI) / 180) * dy * M_PER_DEG_LAT;
}

/** Overlap area per feature index (to correct the gap sums), warnings per pair. */
export async function checkOverlaps(items: readonly PolygonItem[], issues: Issues, progress: (f: number) => Promise<void>): Promise<Map<number, number>> {
  const overlapOf = new Map<number, number>();
  if (items.length < 2) return overlapOf;
  const index = new Flatbush(items.length);
  for (const it of items) index.add(...it.bbox);
  index.finish();
  for (let i = 0; i < items.length; i++) {
    if (i % 2000 === 0) await progress(i / items.length);
    const a = items[i]!;
    for (const j of index.search(...a.bbox)) {
      if (j <= i) continue;
      const b = items[j]!;
      if (boxOverlapM2(a.bbox, b.bbox) <= OVERLAP_TOLERANCE_M2) continue;
      let m2 = 0;
      try {
        const x = intersect(featureCollection([feature(a.geometry), feature(b.geometry)]));
        m2 = x ? area(x) : 0;
      } catch {
        continue; // polygon clipping gave up on a degenerate pair; the geometry checks already ran
      }
      if (m2 <= OVERLAP_TOLERANCE_M2) continue;
      overlapOf.set(a.index, (overlapOf.get(a.index) ?? 0) + m2);
      issues.warn(a.index, a.code, 'overlap', `与 ${b.code ?? `要素 ${b.index}`} 重叠 ${Math.round(m2)} m²`, m2);
    }
  }
  return overlapOf;
}

export interface ParentArea { code: string; areaM2: number; name: string }

/** Per parent: its area minus what its children cover (their areas less their overlaps). Parents
 *  without children are left alone (the unit grid covers only the built-up centre). */
export function checkGaps(items: readonly PolygonItem[], overlapOf: ReadonlyMap<number, number>, parents: readonly ParentArea[], issues: Issues): void {
  const covered = new Map<string, number>();
  for (const it of items) if (it.parent) covered.set(it.parent, (covered.get(it.parent) ?? 0) + it.areaM2 - (overlapOf.get(it.index) ?? 0));
  for (const p of parents) {
    const c = covered.get(p.code);
    if (c === undefined) continue;
    const gap = p.areaM2 - c;
    const tolerance = Math.max(1000, p.areaM2 * 0.001);
    if (gap > tolerance) issues.warn(null, p.code, 'gap', `${p.name}（${p.code}）有 ${Math.round(gap)} m² 未被下级覆盖（缝隙）`, gap);
    else if (gap < -tolerance) issues.warn(null, p.code, 'exceeds_parent', `下级面积之和超出 ${p.name}（${p.code}）${Math.round(-gap)} m²（越界或重叠）`, -gap);
  }
}

export const polygonArea = (g: Polygon | MultiPolygon): number => area(feature(g));
