// Colour scales of the review map. One scale object gives both the MapLibre expression that colours
// areas by feature-state and the colours the legend draws, so the two cannot disagree.
import type { ExpressionSpecification } from 'maplibre-gl';

export type Stop = readonly [value: number, color: string];

export interface ColorScale {
  kind: 'sequential' | 'diverging';
  /** Ascending values with their colours; between two stops the colour is interpolated. */
  stops: readonly Stop[];
  /** Some values lie beyond the last stop (drawn in its colour; the legend says "or more"). */
  overflow?: boolean;
}

/** Below this many areas the top of a scale is the largest value itself. */
const ROBUST_MIN_AREAS = 50;

/**
 * The top of a scale that a few outliers cannot flatten: the q-quantile of the values when there are
 * many (unit cells, communities), the maximum when there are few (streets, districts). A hot spot
 * ten times any other cell would otherwise leave every other cell in the darkest colour.
 */
export function robustTop(values: Iterable<number>, q = 0.98): { top: number; overflow: boolean } {
  const v = [...values].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { top: 0, overflow: false };
  const max = v[v.length - 1]!;
  if (v.length < ROBUST_MIN_AREAS) return { top: max, overflow: false };
  const top = v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)]!;
  return { top, overflow: max > niceCeil(top) };
}

/** Quiet to loud on a dark map: deep blue-green, yellow, orange, red. */
const SEQUENTIAL = ['#15405c', '#1f7a8c', '#4cb99f', '#f2d45c', '#f28c38', '#e5383b'];
/** Fewer (blue) — no change (slate, barely above the map) — more (red). */
const FEWER = ['#2b83ba', '#6fb6da', '#b4dcef'];
const NO_CHANGE = '#334255';
const MORE = ['#f6c28b', '#f0803c', '#e5383b'];

/** 1, 2, 2.5, 5 × 10ⁿ at or above v: legend ticks read as round numbers. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v - 1e-12) return m * p;
  return 10 * p;
}

/**
 * 0 … max. `sqrt` spaces the stops quadratically, so a heavy tail (one street with ten times the
 * cases of most) does not leave every other area in the darkest colour. `reverse` makes low values
 * loud (a low coverage share is the problem).
 */
export function sequentialScale(max: number, opts: { spacing?: 'linear' | 'sqrt'; reverse?: boolean; nice?: boolean } = {}): ColorScale {
  const top = opts.nice === false ? (max > 0 ? max : 1) : niceCeil(max);
  const colors = opts.reverse ? [...SEQUENTIAL].reverse() : SEQUENTIAL;
  const n = colors.length - 1;
  const stops = colors.map((c, i): Stop => {
    const f = i / n;
    return [top * (opts.spacing === 'sqrt' ? f * f : f), c];
  });
  return { kind: 'sequential', stops };
}

/** −max … 0 … +max, symmetric, for differences between two periods. */
export function divergingScale(maxAbs: number): ColorScale {
  const m = niceCeil(Math.abs(maxAbs));
  const stops: Stop[] = [
    [-m, FEWER[0]!], [-m / 2, FEWER[1]!], [-m / 8, FEWER[2]!],
    [0, NO_CHANGE],
    [m / 8, MORE[0]!], [m / 2, MORE[1]!], [m, MORE[2]!],
  ];
  return { kind: 'diverging', stops };
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((v) => Math.round(v!).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour at v, clamped to the ends, interpolated in RGB as MapLibre does. */
export function colorAt(scale: ColorScale, v: number): string {
  const s = scale.stops;
  if (v <= s[0]![0]) return s[0]![1];
  for (let i = 1; i < s.length; i++) {
    const [v1, c1] = s[i]!;
    if (v <= v1) {
      const [v0, c0] = s[i - 1]!;
      const f = v1 === v0 ? 1 : (v - v0) / (v1 - v0);
      const a = hexToRgb(c0);
      const b = hexToRgb(c1);
      return rgbToHex(a.map((x, k) => x + (b[k]! - x) * f));
    }
  }
  return s[s.length - 1]![1];
}

/** fill-color from a numeric feature-state; features without the state get the first colour
 *  (their opacity hides them, see `fillOpacityExpression`). */
export function fillColorExpression(scale: ColorScale, key = 'v'): ExpressionSpecification {
  const flat = scale.stops.flatMap(([v, c]) => [v, c]);
  return ['interpolate', ['linear'], ['coalesce', ['feature-state', key], scale.stops[0]![0]], ...flat] as unknown as ExpressionSpecification;
}

/** Areas with a value are filled; areas without one stay clear (the map shows through). */
export function fillOpacityExpression(opacity: number, key = 'v'): ExpressionSpecification {
  return ['case', ['==', ['feature-state', key], null], 0, opacity];
}

/** Legend ticks: the stops' values, formatted. */
export function legendTicks(scale: ColorScale, format: (v: number) => string): { value: number; color: string; label: string }[] {
  return scale.stops.map(([value, color]) => ({ value, color, label: format(value) }));
}

/** A CSS gradient of the scale, left (lowest) to right, stops placed by value. */
export function cssGradient(scale: ColorScale): string {
  const lo = scale.stops[0]![0];
  const hi = scale.stops[scale.stops.length - 1]![0];
  const span = hi - lo || 1;
  return `linear-gradient(90deg, ${scale.stops.map(([v, c]) => `${c} ${(((v - lo) / span) * 100).toFixed(1)}%`).join(', ')})`;
}
