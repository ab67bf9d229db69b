// One clock for everything the review plays back: the time slider (days of a window) and patrol
// replay (milliseconds of a track). It only counts; the caller ticks it from requestAnimationFrame
// and draws whatever position it reports, so a slow frame skips ahead instead of queueing work.
export class PlaybackClock {
  private pos: number;
  private last: number | null = null;
  playing = false;

  constructor(
    private start: number,
    private end: number,
    /** Units of position per second of wall time (days/s for the slider, ms/s for replay). */
    public rate: number,
  ) {
    if (!(end >= start)) throw new Error(`clock end ${end} before start ${start}`);
    this.pos = start;
  }

  get position(): number {
    return this.pos;
  }

  get range(): readonly [number, number] {
    return [this.start, this.end];
  }

  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** Starts (from the beginning again if it had run to the end). */
  play(now: number): void {
    if (this.atEnd) this.pos = this.start;
    this.playing = true;
    this.last = now;
  }

  pause(): void {
    this.playing = false;
    this.last = null;
  }

  seek(position: number): void {
    this.pos = Math.min(this.end, Math.max(this.start, position));
    if (this.playing) this.last = null;
  }

  /** New bounds (a new window or track), keeping the position where it still fits. */
  reset(start: number, end: number): void {
    if (!(end >= start)) throw new Error(`clock end ${end} before start ${start}`);
    this.start = start;
    this.end = end;
    this.seek(this.pos);
  }

  /**
   * Advances by the wall time since the last tick, stopping at the end. Returns the position.
   * The first tick after play/seek only takes the time, so a tab that slept does not jump.
   */
  tick(now: number): number {
    if (!this.playing) return this.pos;
    if (this.last !== null) {
      const dt = Math.max(0, now - this.last) / 1000;
      this.pos = Math.min(this.end, this.pos + dt * this.rate);
    }
    this.last = now;
    if (this.atEnd) this.pause();
    return this.pos;
  }
}

/** The day the slider shows at a clock position over days 0…days−1. */
export function sliderDay(position: number, days: number): number {
  return Math.max(0, Math.min(days - 1, Math.floor(position)));
}
