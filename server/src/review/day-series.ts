// All days of a window at once, per area, so the time slider plays on the client without a request
// per step. Sparse: one [area, day, count] triple per area and day that had cases.
import type { CaseIndex } from './case-index.ts';
import type { AreaLevel } from './areas.ts';
import { areaColumn } from './area-stats.ts';
import { binKey } from './heat-bins.ts';
import type { HeatScale } from './heat-grid.ts';
import { cstDay, cstDayStart } from './days.ts';

export interface DaySeries {
  /** Start of the first CST day, and the number of days (the window rounded out to whole days). */
  firstDay: number;
  days: number;
  /** Matching cases per day, including those outside every area of the level. */
  totals: number[];
  /** Flat triples [area, day offset, count], ordered by area then day. For level 'bin' the area is
   *  y · binColumns + x of the heat grid at the requested scale. */
  triples: number[];
}

export type SeriesLevel = AreaLevel | 'bin';

/** Above this many area-days the counts are gathered by sorting keys instead of in a dense array. */
const DENSE_LIMIT = 4_000_000;

export function daySeries(index: CaseIndex, rows: Uint32Array, window: { from: number; to: number },
  level: SeriesLevel, scale: HeatScale): DaySeries {
  const first = cstDay(window.from);
  const days = cstDay(window.to - 1) - first + 1;
  const totals = new Array<number>(days).fill(0);
  const col = level === 'bin' ? null : areaColumn(index, level);
  const heat = index.ctx.heat;
  const areas = col ? index.ctx.areas.dictionary(level as AreaLevel).size : Math.ceil(heat.width / scale) * Math.ceil(heat.height / scale);
  const created = index.created;
  const keyOf = (i: number): number => {
    const d = cstDay(created[i]!) - first;
    totals[d]!++;
    const area = col ? col[i]! : binKey(index, i, scale);
    return area >= 0 ? area * days + d : -1;
  };
  const triples: number[] = [];
  if (areas * days <= DENSE_LIMIT) {
    // Few enough area-days (streets over a year, cells over a quarter): count in place, one pass.
    const counts = new Uint32Array(areas * days);
    for (let k = 0; k < rows.length; k++) {
      const key = keyOf(rows[k]!);
      if (key >= 0) counts[key]!++;
    }
    for (let key = 0; key < counts.length; key++) if (counts[key]) triples.push(Math.floor(key / days), key % days, counts[key]!);
  } else {
    const keys = new Float64Array(rows.length);
    let n = 0;
    for (let k = 0; k < rows.length; k++) {
      const key = keyOf(rows[k]!);
      if (key >= 0) keys[n++] = key;
    }
    const sorted = keys.subarray(0, n).sort();
    for (let k = 0; k < n;) {
      const key = sorted[k]!;
      let run = 0;
      while (k < n && sorted[k] === key) { run++; k++; }
      triples.push(Math.floor(key / days), key % days, run);
    }
  }
  return { firstDay: cstDayStart(first), days, totals, triples };
}
