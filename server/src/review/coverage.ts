// Patrol coverage (巡查覆盖率): which unit cells some patrol passed through, day by day. Each CST day
// is a bitset over the cells (≈2.8 KB for 22k cells), so a year of days costs about a megabyte and
// any window is an OR of its days. A past day is read from position history once, in one pass, and
// kept; live fixes (the ingest hook) keep today's bitset and the per-cell last-visit time current.
import type { ReviewRepo } from './review-repo.ts';
import type { ReviewAreas } from './areas.ts';
import { cstDay, cstDayStart } from './days.ts';

/** Point → unit-cell number (ReviewAreas.cells order), or -1 outside the grid. */
export type CellFinder = (lon: number, lat: number) => number;

interface DayBits {
  bits: Uint32Array;
  /** Whether stored history for the day has been merged in (live fixes may have arrived first). */
  loaded: boolean;
}

export interface AreaCoverage {
  /** Area numbers (meta dictionary order) of every area with unit cells. */
  ids: number[];
  cells: number[];
  visited: number[];
}

export class CoverageLedger {
  private readonly days = new Map<number, DayBits>();
  private readonly words: number;
  /** Latest fix time seen in each cell (0: none in the days looked at so far). */
  readonly lastVisit: Float64Array;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly areas: ReviewAreas, private readonly findCell: CellFinder, private readonly repo: ReviewRepo) {
    this.words = Math.ceil(areas.cells.size / 32);
    this.lastVisit = new Float64Array(areas.cells.size);
  }

  /** A fix as it arrives (the live ingest hook): marks its cell visited on its day. */
  observe(time: number, lon: number, lat: number): void {
    const cell = this.findCell(lon, lat);
    if (cell >= 0) this.mark(cstDay(time), cell, time);
  }

  private mark(day: number, cell: number, time: number): void {
    let d = this.days.get(day);
    if (!d) this.days.set(day, (d = { bits: new Uint32Array(this.words), loaded: false }));
    d.bits[cell >>> 5]! |= 1 << (cell & 31);
    if (time > this.lastVisit[cell]!) this.lastVisit[cell] = time;
  }

  /** Merges stored history into every day of [firstDay, lastDay] not merged yet, one position scan
   *  per run of missing days. Calls are queued so two requests never read the same day twice. */
  ensureDays(firstDay: number, lastDay: number): Promise<void> {
    const run = this.queue.then(async () => {
      let d = firstDay;
      while (d <= lastDay) {
        if (this.days.get(d)?.loaded) { d++; continue; }
        const start = d;
        while (d <= lastDay && !this.days.get(d)?.loaded) d++;
        await this.repo.scanPositions(cstDayStart(start), cstDayStart(d), (_, t, lon, lat) => this.observe(t, lon, lat));
        for (let k = start; k < d; k++) {
          const bits = this.days.get(k);
          if (bits) bits.loaded = true;
          else this.days.set(k, { bits: new Uint32Array(this.words), loaded: true });
        }
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Cells visited on any day of [firstDay, lastDay], as a bitset (days must be ensured first). */
  visited(firstDay: number, lastDay: number): Uint32Array {
    const out = new Uint32Array(this.words);
    for (let d = firstDay; d <= lastDay; d++) {
      const bits = this.days.get(d)?.bits;
      if (bits) for (let w = 0; w < this.words; w++) out[w]! |= bits[w]!;
    }
    return out;
  }

  /** Share of each street's (or community's) cells in the bitset. */
  byArea(visited: Uint32Array, level: 'street' | 'community'): AreaCoverage {
    const parent = level === 'street' ? this.areas.cellStreet : this.areas.cellCommunity;
    const totals = level === 'street' ? this.areas.streetCellCount : this.areas.communityCellCount;
    const seen = new Uint32Array(totals.length);
    for (let c = 0; c < parent.length; c++) {
      const p = parent[c]!;
      if (p >= 0 && isSet(visited, c)) seen[p]!++;
    }
    const out: AreaCoverage = { ids: [], cells: [], visited: [] };
    for (let a = 0; a < totals.length; a++) {
      if (!totals[a]) continue;
      out.ids.push(a);
      out.cells.push(totals[a]!);
      out.visited.push(seen[a]!);
    }
    return out;
  }

  /** Cell numbers set (or, with `set` false, not set) in the bitset, ascending. */
  cellList(bits: Uint32Array, set: boolean): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.areas.cells.size; c++) if (isSet(bits, c) === set) out.push(c);
    return out;
  }
}

export function isSet(bits: Uint32Array, i: number): boolean {
  return (bits[i >>> 5]! & (1 << (i & 31))) !== 0;
}
