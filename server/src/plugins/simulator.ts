import fp from 'fastify-plugin';
import { Simulator } from '../simulator/simulator.ts';

export default fp<{ count: number; casesPerHour: number; tickMs: number }>(async (app, opts) => {
  if (opts.count <= 0) return;
  const sites = app.geo.layers.files.get('inspection-points')!;
  const fc = JSON.parse(sites.raw.toString('utf8')) as { features: { geometry: { coordinates: [number, number] }; properties: { category: string } }[] };
  const sim = new Simulator({
    live: app.live, ingest: app.ingest, locator: app.geo.locator, cases: app.cases, caseBus: app.caseBus,
    rules: app.caseRules, photos: null, log: app.log,
    sites: fc.features.map((f) => [f.geometry.coordinates[0], f.geometry.coordinates[1], f.properties.category]),
  }, { count: opts.count, casesPerHour: opts.casesPerHour, tickMs: 1000 });
  app.addHook('onReady', async () => sim.start());
  app.addHook('preClose', async () => sim.stop());
}, { name: 'simulator', dependencies: ['live', 'cases', 'geo'] });
