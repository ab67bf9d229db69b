// Liveness and readiness for the load balancer and the orchestrator. /api/health answers 200 as long
// as the process serves (restarting it would not bring a database back) and says what is down;
// /api/ready answers 503 until the store and Redis (when configured) answer, so a balancer sends
// traffic only to nodes that can serve it.
import { HealthBody } from '@cw/shared/schemas/common';
import type { App } from './types.ts';

export default async function healthRoutes(app: App) {
  const schema = (summary: string) => ({ summary, tags: ['operations'], response: { 200: HealthBody, 503: HealthBody } });

  app.get('/api/health', { schema: schema('Liveness, with the state of the store and Redis') }, async () => {
    const deps = await app.dependencies();
    return { status: deps.store === 'down' || deps.redis === 'down' ? 'degraded' as const : 'ok' as const, ...deps };
  });

  app.get('/api/ready', { schema: schema('Readiness: 200 only when the store and Redis (if configured) answer') }, async (_req, reply) => {
    const deps = await app.dependencies();
    const ready = deps.store === 'up' && deps.redis !== 'down';
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', ...deps });
  });
}
