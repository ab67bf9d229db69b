import Type from 'typebox';
import { PatrolList, PositionBatch, PositionBatchReply } from '@cw/shared/schemas/patrols';
import { EpochMs } from '@cw/shared/schemas/common';
import type { App } from './types.ts';

export default async function patrolRoutes(app: App) {
  app.get('/api/v1/patrols', {
    onRequest: [app.authenticate, app.requireRole('wall', 'dispatcher', 'leader', 'admin')],
    schema: { response: { 200: PatrolList } },
  }, async () => ({ patrols: app.live.list(Date.now()) }));

  app.get('/api/v1/patrols/:id/track', {
    onRequest: [app.authenticate, app.requireRole('dispatcher', 'leader', 'admin')],
    schema: {
      params: Type.Object({ id: Type.String({ maxLength: 80 }) }),
      querystring: Type.Object({ from: EpochMs, to: EpochMs }, { additionalProperties: false }),
    },
  }, async (req, reply) => {
    const p = app.live.byPatrolId(req.params.id);
    if (!p) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no patrol ${req.params.id}` });
    const rows = await app.store.positions.track(p.index, req.query.from, req.query.to);
    return { patrolId: p.id, points: rows.map((r) => [r.lon, r.lat, r.time, r.speed, r.heading]) };
  });

  // Gateways that collect many devices post them in batches; each position is judged on its own.
  app.post('/api/v1/positions/batch', {
    onRequest: [app.authenticate, app.requireRole('admin')],
    bodyLimit: 4 * 1024 * 1024,
    schema: { body: PositionBatch, response: { 200: PositionBatchReply } },
  }, async (req) => {
    const rejected: { index: number; reason: string }[] = [];
    let accepted = 0;
    const now = Date.now();
    for (const [index, p] of req.body.positions.entries()) {
      if (p.time !== undefined && p.time > now + 600_000) { rejected.push({ index, reason: 'timestamp is in the future' }); continue; }
      const r = await app.ingest.accept({
        deviceId: p.deviceId, lon: p.lon, lat: p.lat, time: p.time ?? now, speed: p.speed ?? 0, heading: p.heading ?? 0,
        accuracy: p.accuracy ?? null, altitude: p.altitude ?? null, battery: p.battery ?? null,
      });
      if (r.ok) accepted++;
      else rejected.push({ index, reason: r.reason });
    }
    return { accepted, rejected };
  });
}
