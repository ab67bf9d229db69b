// Loaded into a server under soak with NODE_OPTIONS=--import=<this file>, the real one and the
// tutorial one alike, so both are measured the same way: the event-loop delay
// (perf_hooks.monitorEventLoopDelay, 10 ms resolution), written as one JSON line every
// BENCH_LAG_EVERY_MS to BENCH_LAG_FILE. `window*` covers the last interval; `span*` everything since
// the start or since the last SIGUSR2 (the runner sends one when its warm-up ends).
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_LAG_FILE;
if (file) {
  const everyMs = Number(process.env.BENCH_LAG_EVERY_MS) || 5000;
  const window = monitorEventLoopDelay({ resolution: 10 });
  const span = monitorEventLoopDelay({ resolution: 10 });
  window.enable();
  span.enable();
  const ms = (ns) => ns / 1e6;
  const timer = setInterval(() => {
    appendFileSync(file, `${JSON.stringify({
      t: Date.now(),
      windowP99: ms(window.percentile(99)), windowMax: ms(window.max),
      spanP50: ms(span.percentile(50)), spanP99: ms(span.percentile(99)), spanMax: ms(span.max), spanCount: span.count,
    })}\n`);
    window.reset();
  }, everyMs);
  timer.unref();
  process.on('SIGUSR2', () => span.reset());
}
