import fp from 'fastify-plugin';
import { Simulator } from '../simulator/simulator.ts';
import { renderPlaceholderPng } from '../photos/placeholder-png.ts';
import { currentLocator } from './geo.ts';

export default fp<{ count: number; casesPerHour: number; tickMs: number }>(async (app, opts) => {
  if (opts.count <= 0) return;
  const sites = app.geo.layers.files.get('inspection-points')!;
  const fc = JSON.parse(sites.raw.toString('utf8')) as { features: { geometry: { coordinates: [number, number] }; properties: { category: string } }[] };
  const sim = new Simulator({
    live: app.live, ingest: app.ingest, locator: currentLocator(app), cases: app.cases, caseBus: app.caseBus,
    rules: app.caseRules, log: app.log,
    photos: {
      saveAfterPhoto: async (caseId, by) => (await app.photos.savePhoto(renderPlaceholderPng(640, 480, [120, 160, 120]), {
        caseId, stage: 'after', by: { username: by, role: 'patrol', patrolId: by }, simulated: true,
      })).id,
    },
    sites: fc.features.map((f) => [f.geometry.coordinates[0], f.geometry.coordinates[1], f.properties.category]),
  }, { count: opts.count, casesPerHour: opts.casesPerHour, tickMs: 1000 });
  app.addHook('onReady', async () => sim.start());
  app.addHook('preClose', async () => sim.stop());
}, { name: 'simulator', dependencies: ['live', 'cases', 'geo', 'photos'] });
