// The /series reply indexed by day, so the time slider can show any day of the window — or the
// running total up to it — without asking the server again. Built once per window (a counting
// sort of the triples by day); a step of the slider reads one day's slice.
import { robustTop } from './color-scales.ts';
export interface SeriesData {
  firstDay: number;
  days: number;
  totals: readonly number[];
  /** Flat [area, day, count, …]. */
  triples: readonly number[];
  /** For heat bins: bins per row (area = y · binColumns + x) and the bin size in degrees. */
  binColumns?: number | null;
  res?: number | null;
}

export type SlideMode = 'day' | 'cumulative';

export class DaySeries {
  readonly firstDay: number;
  readonly days: number;
  readonly totals: readonly number[];
  readonly binColumns: number | null;
  readonly res: number | null;
  /** Areas of day d are areas[offsets[d] … offsets[d+1]), with their counts beside them. */
  private readonly offsets: Int32Array;
  private readonly areas: Int32Array;
  private readonly counts: Int32Array;
  /** The largest count one area has on one day, and the largest window total of one area. */
  readonly maxDaily: number;
  readonly maxTotal: number;
  private readonly areaTotals: Map<number, number>;

  constructor(data: SeriesData) {
    this.firstDay = data.firstDay;
    this.days = data.days;
    this.totals = data.totals;
    this.binColumns = data.binColumns ?? null;
    this.res = data.res ?? null;
    const n = Math.floor(data.triples.length / 3);
    this.offsets = new Int32Array(data.days + 1);
    for (let i = 0; i < n; i++) {
      const day = data.triples[i * 3 + 1]!;
      if (day >= 0 && day < data.days) this.offsets[day + 1]!++;
    }
    for (let d = 0; d < data.days; d++) this.offsets[d + 1]! += this.offsets[d]!;
    const fill = this.offsets.slice(0, data.days);
    this.areas = new Int32Array(this.offsets[data.days]!);
    this.counts = new Int32Array(this.offsets[data.days]!);
    let maxDaily = 0;
    const totals = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const area = data.triples[i * 3]!;
      const day = data.triples[i * 3 + 1]!;
      const count = data.triples[i * 3 + 2]!;
      if (day < 0 || day >= data.days) continue;
      const at = fill[day]!++;
      this.areas[at] = area;
      this.counts[at] = count;
      if (count > maxDaily) maxDaily = count;
      totals.set(area, (totals.get(area) ?? 0) + count);
    }
    this.maxDaily = maxDaily;
    let maxTotal = 0;
    for (const v of totals.values()) if (v > maxTotal) maxTotal = v;
    this.maxTotal = maxTotal;
    this.areaTotals = totals;
  }

  /** Epoch ms of the start (00:00 China time) of day d. */
  dayStart(d: number): number {
    return this.firstDay + d * 86_400_000;
  }

  /** Area → count on day d. */
  day(d: number): Map<number, number> {
    const out = new Map<number, number>();
    if (d < 0 || d >= this.days) return out;
    for (let i = this.offsets[d]!; i < this.offsets[d + 1]!; i++) out.set(this.areas[i]!, this.counts[i]!);
    return out;
  }

  /** Area → cases from day 0 through day d. */
  upTo(d: number): Map<number, number> {
    const out = new Map<number, number>();
    const last = Math.min(d, this.days - 1);
    for (let i = 0; i < this.offsets[last + 1]!; i++) {
      const a = this.areas[i]!;
      out.set(a, (out.get(a) ?? 0) + this.counts[i]!);
    }
    return out;
  }

  frame(d: number, mode: SlideMode): Map<number, number> {
    return mode === 'day' ? this.day(d) : this.upTo(d);
  }

  /** The scale's top for a mode: one colour scale for the whole playback, so days compare. */
  maxFor(mode: SlideMode): number {
    return mode === 'day' ? this.maxDaily : this.maxTotal;
  }

  /** A scale top for the playback that a few hot spots cannot flatten (see robustTop). */
  topFor(mode: SlideMode): { top: number; overflow: boolean } {
    return mode === 'day' ? robustTop(this.counts, 0.99) : robustTop(this.areaTotals.values());
  }

  /** Cases on day d, and from day 0 through d. */
  total(d: number, mode: SlideMode): number {
    if (mode === 'day') return this.totals[d] ?? 0;
    let sum = 0;
    for (let i = 0; i <= Math.min(d, this.days - 1); i++) sum += this.totals[i] ?? 0;
    return sum;
  }
}
