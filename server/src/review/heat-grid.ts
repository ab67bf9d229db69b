// A fixed lon/lat bin grid over the service area for heatmaps. Unit cells only cover the built-up
// streets; bins cover every case, and coarser heatmaps merge bins by integer division, so each
// case is binned once when it enters the index.
export const HEAT_BASE_RES_DEG = 0.001;
/** Multiples of the base resolution a heatmap may ask for (≈100 m … ≈1.6 km). */
export const HEAT_SCALES = [1, 2, 4, 8, 16] as const;
export type HeatScale = (typeof HEAT_SCALES)[number];

const MARGIN_DEG = 0.1;
/** Bins per axis fit the index's Uint16 columns. */
const MAX_BINS = 0xffff;

export class HeatGrid {
  readonly lon0: number;
  readonly lat0: number;
  readonly res = HEAT_BASE_RES_DEG;
  /** Bins across and up. */
  readonly width: number;
  readonly height: number;

  /** bbox: the service area [w, s, e, n]; the grid starts a margin south-west of it on a round value. */
  constructor(bbox: readonly [number, number, number, number]) {
    this.lon0 = Math.floor((bbox[0] - MARGIN_DEG) * 100) / 100;
    this.lat0 = Math.floor((bbox[1] - MARGIN_DEG) * 100) / 100;
    this.width = Math.min(MAX_BINS, Math.ceil((bbox[2] + MARGIN_DEG - this.lon0) / this.res));
    this.height = Math.min(MAX_BINS, Math.ceil((bbox[3] + MARGIN_DEG - this.lat0) / this.res));
  }

  /** Bin column of a longitude, clamped to the grid (a case far outside lands on its edge). */
  x(lon: number): number {
    return clamp(Math.floor((lon - this.lon0) / this.res), this.width);
  }

  y(lat: number): number {
    return clamp(Math.floor((lat - this.lat0) / this.res), this.height);
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
