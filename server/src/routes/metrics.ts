// Prometheus scrape endpoint. Open like most exporters (counts, no case or patrol data); keep it off
// the public side of the load balancer (README, Deployment).
import Type from 'typebox';
import type { App } from './types.ts';

export default async function metricsRoutes(app: App) {
  app.get('/metrics', {
    schema: { summary: 'Prometheus metrics of this node (text exposition format)', tags: ['operations'], response: { 200: Type.String() } },
  }, async (_req, reply) => reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics()));
}
