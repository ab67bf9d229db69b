// Prometheus metrics of this node, in its own registry (several apps in one test process must not
// share one). Most values are read when scraped; frame sizes are observed as frames go out.
import fp from 'fastify-plugin';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, exponentialBuckets } from 'prom-client';
import { CaseStateSchema } from '@cw/shared/schemas/cases';
import { ROLES } from '@cw/shared/schemas/auth';

export interface AppMetrics {
  registry: Registry;
  /** Bytes of each PatrolFrame sent to a room. */
  frameBytes: Histogram;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

const CASE_STATES = CaseStateSchema.anyOf.map((s) => s.const);
const RATE_WINDOW_S = 10;

export default fp(async (app) => {
  const registry = new Registry();
  const metric = { registers: [registry] };

  let counted = 0;
  new Counter({
    ...metric, name: 'cw_positions_accepted_total', help: 'Positions accepted from devices, gateways, phones and the simulator',
    collect() { this.inc(app.ingest.accepted - counted); counted = app.ingest.accepted; },
  });
  // The rate over a sliding window, for a dashboard without PromQL; rate() on the counter is the same.
  const samples: number[] = [];
  const sampler = setInterval(() => {
    samples.push(app.ingest.accepted);
    if (samples.length > RATE_WINDOW_S + 1) samples.shift();
  }, 1000);
  sampler.unref();
  new Gauge({
    ...metric, name: 'cw_positions_per_second', help: `Positions accepted per second over the last ${RATE_WINDOW_S} s`,
    collect() { this.set(samples.length > 1 ? (samples.at(-1)! - samples[0]!) / (samples.length - 1) : 0); },
  });

  new Gauge({
    ...metric, name: 'cw_connected_sockets', help: 'Socket.IO connections to this node, by role', labelNames: ['role'],
    collect() {
      const byRole = new Map<string, number>(ROLES.map((r) => [r, 0]));
      for (const socket of app.io.of('/').sockets.values()) {
        const role = socket.data.user.role;
        byRole.set(role, (byRole.get(role) ?? 0) + 1);
      }
      for (const [role, n] of byRole) this.set({ role }, n);
    },
  });

  new Gauge({
    ...metric, name: 'cw_cases', help: 'Cases in the store, by state', labelNames: ['state'],
    async collect() {
      const totals = await Promise.all(CASE_STATES.map((state) => app.cases.list({ state, limit: 1 }).then((r) => r.total)));
      CASE_STATES.forEach((state, k) => this.set({ state }, totals[k]!));
    },
  });
  new Gauge({
    ...metric, name: 'cw_cases_overdue', help: 'Open cases past their time limit',
    async collect() { this.set((await app.cases.stats()).overdue); },
  });
  const caseEvents = new Counter({ ...metric, name: 'cw_case_events_total', help: 'Case events written by this node' });
  app.caseBus.on('event', () => caseEvents.inc());

  const frameBytes = new Histogram({
    ...metric, name: 'cw_frame_bytes', help: 'Size of each binary PatrolFrame sent to a position room',
    buckets: exponentialBuckets(64, 4, 8),
  });

  // Delay of the event loop since the last scrape: what a busy node adds to every frame and ack.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  new Gauge({
    ...metric, name: 'cw_event_loop_lag_seconds', help: 'Event-loop delay since the last scrape', labelNames: ['quantile'],
    collect() {
      this.set({ quantile: '0.5' }, loop.percentile(50) / 1e9);
      this.set({ quantile: '0.99' }, loop.percentile(99) / 1e9);
      this.set({ quantile: '1' }, loop.max / 1e9);
      loop.reset();
    },
  });
  new Gauge({
    ...metric, name: 'cw_process_resident_memory_bytes', help: 'Resident memory of this node',
    collect() { this.set(process.memoryUsage().rss); },
  });

  new Gauge({
    ...metric, name: 'cw_dependency_up', help: 'Whether the store and Redis answer (Redis absent when not configured)', labelNames: ['dependency'],
    async collect() {
      const deps = await app.dependencies();
      this.set({ dependency: 'store' }, deps.store === 'up' ? 1 : 0);
      if (deps.redis !== 'off') this.set({ dependency: 'redis' }, deps.redis === 'up' ? 1 : 0);
    },
  });

  app.decorate('metrics', { registry, frameBytes });
  app.addHook('onClose', async () => {
    clearInterval(sampler);
    loop.disable();
  });
}, { name: 'metrics', dependencies: ['live', 'cases', 'readiness'] });
