// Positions from watchPosition can come every second; the server needs one every few seconds.
// Keeps the newest fix and lets one through at most every `minGapMs` (the trailing fix is sent
// when the gap has passed, so the last place the patrol stopped at is always reported).
export class ReportThrottle<T> {
  private lastSentAt = -Infinity;
  private pending: T | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly minGapMs: number,
    private readonly send: (fix: T) => void,
    private readonly now: () => number = Date.now,
  ) {}

  offer(fix: T): void {
    this.pending = fix;
    const wait = this.lastSentAt + this.minGapMs - this.now();
    if (wait <= 0) this.flush();
    else if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === null) return;
    const fix = this.pending;
    this.pending = null;
    this.lastSentAt = this.now();
    this.send(fix);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
  }
}
