// Live patrols and the ingest path, plus the batched history writer.
import fp from 'fastify-plugin';
import { LivePatrols } from '../patrols/live-patrols.ts';
import { PositionIngest } from '../ingest/position-ingest.ts';
import { currentLocator } from './geo.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LivePatrols;
    ingest: PositionIngest;
  }
}

const HISTORY_FLUSH_MS = 1000;

export default fp<{ registerUnknownDevices: boolean }>(async (app, opts) => {
  const live = new LivePatrols(app.store.patrols, app.store.positions, (lon, lat) => app.geo.locator.district(lon, lat));
  await live.load();
  const ingest = new PositionIngest(live, currentLocator(app), opts.registerUnknownDevices);
  app.decorate('live', live);
  app.decorate('ingest', ingest);

  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    const rows = live.drainHistory();
    if (!rows.length) return flushing;
    flushing = flushing.then(() => app.store.positions.append(rows)).catch((err) => app.log.error({ err }, 'position history flush failed'));
    return flushing;
  };
  const timer = setInterval(flush, HISTORY_FLUSH_MS);
  timer.unref();
  // Runs before the store closes (hooks run in reverse registration order), so nothing is lost.
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await flush();
  });
}, { name: 'live', dependencies: ['store', 'geo'] });
