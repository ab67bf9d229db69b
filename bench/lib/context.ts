// What every benchmark gets from the runner.
import type { Teardown } from './teardown.ts';

export interface BenchContext {
  teardown: Teardown;
  log(message: string): void;
  /** Fewer and shorter runs, for trying the suite out; results are not comparable. */
  quick: boolean;
  /** Extra environment for the real server (e.g. NODE_OPTIONS=--cpu-prof when profiling). */
  serverEnv: Record<string, string>;
  /** Length of the soak benchmark (--soak-minutes, default 10; 1 with --quick). */
  soakMinutes: number;
  /** Length of the soak's tutorial-server baseline (--soak-baseline-minutes; default the same). */
  soakBaselineMinutes: number;
}
