// Timings of the patrol layer's updates, kept so the wall (and its test hooks and the benchmark
// page) can tell how much main-thread time moving patrols cost.
export interface BatchTiming {
  features: number;
  /** Building the update from the track (packing the GPU layer's vertex data). */
  buildMs: number;
  /** Handing it over (the GPU layer's buffer uploads). */
  callMs: number;
  /** Until the map has it (the GPU layer uploads while drawing: build + call). */
  roundTripMs: number;
}

export interface TimingSummary {
  batches: number;
  features: number;
  buildMs: number;
  callMs: number;
  roundTripMs: number;
  p95MainMs: number;
}

const WINDOW = 240;

export class RenderStats {
  batches = 0;
  private recent: BatchTiming[] = [];

  record(t: BatchTiming): void {
    this.batches++;
    this.recent.push(t);
    if (this.recent.length > WINDOW) this.recent.shift();
  }

  clear(): void {
    this.batches = 0;
    this.recent = [];
  }

  /** Means over the recent window; p95 of build + call (the main-thread part). */
  summary(): TimingSummary {
    const n = this.recent.length || 1;
    const mean = (f: (t: BatchTiming) => number) => this.recent.reduce((s, t) => s + f(t), 0) / n;
    const main = this.recent.map((t) => t.buildMs + t.callMs).sort((a, b) => a - b);
    return {
      batches: this.batches,
      features: mean((t) => t.features),
      buildMs: mean((t) => t.buildMs),
      callMs: mean((t) => t.callMs),
      roundTripMs: mean((t) => t.roundTripMs),
      p95MainMs: main[Math.min(main.length - 1, Math.floor(main.length * 0.95))] ?? 0,
    };
  }
}

export const patrolRenderStats = new RenderStats();

/** How many features the moving layers hold right now (read by the wall's test hooks). */
export const shownOnMap = { patrols: 0, cases: 0 };
