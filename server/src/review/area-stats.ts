// Per-area numbers for a choropleth: how many cases, how many went overdue, and how long the closed
// ones took, for unit cells, communities, streets or districts. Sparse: only areas with cases.
import { OVERDUE, type CaseIndex } from './case-index.ts';
import type { AreaLevel } from './areas.ts';

export interface AreaStats {
  /** Area numbers (see the meta dictionaries), ascending. */
  ids: number[];
  count: number[];
  overdue: number[];
  closed: number[];
  /** Sum of (closedAt - createdAt) over closed cases, for means that merge across areas. */
  handlingMs: number[];
}

export function areaColumn(index: CaseIndex, level: AreaLevel): Int32Array {
  switch (level) {
    case 'cell': return index.cell;
    case 'community': return index.community;
    case 'street': return index.street;
    case 'district': return index.district;
  }
}

/** Areas a case lies in that no layer knows (-1) are left out: they have no shape to colour. */
export function areaStats(index: CaseIndex, rows: Uint32Array, level: AreaLevel): AreaStats {
  const col = areaColumn(index, level);
  const n = index.ctx.areas.dictionary(level).size;
  const count = new Uint32Array(n);
  const overdue = new Uint32Array(n);
  const closed = new Uint32Array(n);
  const handling = new Float64Array(n);
  const { flags, state, created, closed: closedAt } = index;
  const closedState = index.ctx.codes.closedState;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const a = col[i]!;
    if (a < 0) continue;
    count[a]!++;
    if (flags[i]! & OVERDUE) overdue[a]!++;
    if (state[i] === closedState) {
      closed[a]!++;
      handling[a]! += closedAt[i]! - created[i]!;
    }
  }
  const out: AreaStats = { ids: [], count: [], overdue: [], closed: [], handlingMs: [] };
  for (let a = 0; a < n; a++) {
    if (!count[a]) continue;
    out.ids.push(a);
    out.count.push(count[a]!);
    out.overdue.push(overdue[a]!);
    out.closed.push(closed[a]!);
    out.handlingMs.push(handling[a]!);
  }
  return out;
}

export type AreaMetric = 'count' | 'overdue_rate' | 'mean_handling';
export const AREA_METRICS: readonly AreaMetric[] = ['count', 'overdue_rate', 'mean_handling'];

/** The metric's value per listed area; rates and means are null where they have no denominator. */
export function metricValues(s: AreaStats, metric: AreaMetric): (number | null)[] {
  switch (metric) {
    case 'count': return s.count;
    case 'overdue_rate': return s.count.map((c, k) => s.overdue[k]! / c);
    case 'mean_handling': return s.closed.map((c, k) => (c ? Math.round(s.handlingMs[k]! / c) : null));
  }
}

/** Case counts per area in two periods, over the union of areas with cases in either. */
export function compareCounts(index: CaseIndex, a: Uint32Array, b: Uint32Array, level: AreaLevel): { ids: number[]; a: number[]; b: number[] } {
  const col = areaColumn(index, level);
  const n = index.ctx.areas.dictionary(level).size;
  const ca = new Uint32Array(n);
  const cb = new Uint32Array(n);
  for (let k = 0; k < a.length; k++) { const x = col[a[k]!]!; if (x >= 0) ca[x]!++; }
  for (let k = 0; k < b.length; k++) { const x = col[b[k]!]!; if (x >= 0) cb[x]!++; }
  const out = { ids: [] as number[], a: [] as number[], b: [] as number[] };
  for (let x = 0; x < n; x++) {
    if (!ca[x] && !cb[x]) continue;
    out.ids.push(x);
    out.a.push(ca[x]!);
    out.b.push(cb[x]!);
  }
  return out;
}
