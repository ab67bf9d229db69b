// Heatmap weights: cases counted into lon/lat bins of the heat grid, merged `scale` × `scale`.
import type { CaseIndex } from './case-index.ts';
import type { HeatScale } from './heat-grid.ts';

export interface HeatBins {
  /** Bin size in degrees and the grid's south-west corner: bin (x, y) spans
   *  [lon0 + x·res, lon0 + (x+1)·res) × [lat0 + y·res, lat0 + (y+1)·res). */
  res: number;
  lon0: number;
  lat0: number;
  /** Flat triples [x, y, count, x, y, count, …], non-empty bins only, row by row. */
  bins: number[];
}

export function heatBins(index: CaseIndex, rows: Uint32Array, scale: HeatScale): HeatBins {
  const grid = index.ctx.heat;
  const w = Math.ceil(grid.width / scale);
  const h = Math.ceil(grid.height / scale);
  const counts = new Uint32Array(w * h);
  const { binX, binY } = index;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    counts[Math.floor(binY[i]! / scale) * w + Math.floor(binX[i]! / scale)]!++;
  }
  const bins: number[] = [];
  for (let j = 0; j < counts.length; j++) {
    const c = counts[j]!;
    if (c) bins.push(j % w, Math.floor(j / w), c);
  }
  return { res: grid.res * scale, lon0: grid.lon0, lat0: grid.lat0, bins };
}

/** A case's bin at a scale, as heatBins and the day series number them. */
export function binKey(index: CaseIndex, row: number, scale: HeatScale): number {
  const w = Math.ceil(index.ctx.heat.width / scale);
  return Math.floor(index.binY[row]! / scale) * w + Math.floor(index.binX[row]! / scale);
}
