// Everything a benchmark starts (servers, browsers, workers) registers how to stop it here, so it is
// stopped when the benchmark ends, when it fails, and when the run is interrupted.
import type { ChildProcess } from 'node:child_process';

type Stop = () => Promise<unknown> | unknown;

const children = new Set<ChildProcess>();

/** Remembers a child process so that even an abrupt exit of the runner kills it (see killChildren). */
export function trackChild(proc: ChildProcess): void {
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
}

/** Last resort, synchronous (for process 'exit'): SIGKILL every tracked child still running. */
export function killChildren(): void {
  for (const proc of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
}

export class Teardown {
  private readonly stops: { label: string; stop: Stop }[] = [];

  /** Registers `stop`; returns a function that runs it now (once) and forgets it. */
  add(label: string, stop: Stop): () => Promise<void> {
    const entry = { label, stop };
    this.stops.push(entry);
    return async () => {
      const i = this.stops.indexOf(entry);
      if (i < 0) return;
      this.stops.splice(i, 1);
      await runOne(entry);
    };
  }

  /** Stops everything, last started first. */
  async run(): Promise<void> {
    while (this.stops.length) await runOne(this.stops.pop()!);
  }
}

async function runOne(entry: { label: string; stop: Stop }): Promise<void> {
  try {
    await withTimeout(Promise.resolve(entry.stop()), 15_000, `stopping ${entry.label}`);
  } catch (err) {
    console.error(`[bench] could not stop ${entry.label}: ${(err as Error).message}`);
  }
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
