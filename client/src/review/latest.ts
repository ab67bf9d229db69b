// Latest answer wins: when a leader clicks through filters faster than the server answers, only the
// reply to the last question is applied; earlier replies that arrive late are dropped.
export class Latest {
  private generation = 0;

  /** Runs `load`; calls `apply` only if no newer `run` started meanwhile. Returns whether it applied. */
  async run<T>(load: () => Promise<T>, apply: (value: T) => void): Promise<boolean> {
    const mine = ++this.generation;
    const value = await load();
    if (mine !== this.generation) return false;
    apply(value);
    return true;
  }

  /** Drops any reply still on its way. */
  cancel(): void {
    this.generation++;
  }

  /** True while `generation` is the newest run (for error handling after an await). */
  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  get current(): number {
    return this.generation;
  }
}
