// What /api/health, /api/ready and /metrics report about the services this node depends on: the
// store always, Redis when nodes are joined. Each probe has a deadline, so a hung dependency makes
// the node "not ready" quickly instead of hanging the load balancer's check.
import fp from 'fastify-plugin';

export type DependencyState = 'up' | 'down' | 'off';

export interface Dependencies {
  store: DependencyState;
  redis: DependencyState;
}

declare module 'fastify' {
  interface FastifyInstance {
    dependencies: () => Promise<Dependencies>;
  }
}

const PROBE_MS = 1000;

function within(p: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((res) => { timer = setTimeout(() => res(false), ms); });
  return Promise.race([p.catch(() => false), late]).finally(() => clearTimeout(timer));
}

export default fp(async (app) => {
  app.decorate('dependencies', async (): Promise<Dependencies> => {
    const redis = app.redis;
    const [store, redisUp] = await Promise.all([
      within(app.store.ping(), PROBE_MS),
      // isReady is false while the client reconnects; then a PING would only queue.
      redis ? (redis.isReady ? within(redis.ping().then((r) => r === 'PONG'), PROBE_MS) : Promise.resolve(false)) : Promise.resolve(null),
    ]);
    return { store: store ? 'up' : 'down', redis: redisUp === null ? 'off' : redisUp ? 'up' : 'down' };
  });
}, { name: 'readiness', dependencies: ['store', 'redis'] });
