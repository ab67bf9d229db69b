// The review service as an app service: builds the case index from the store at start (streaming,
// no case documents), keeps it current from the case bus, and keeps patrol coverage current from
// every accepted position fix.
import fp from 'fastify-plugin';
import type { CaseEvent } from '@cw/shared/schemas/cases';
import { ReviewAreas } from './areas.ts';
import { Codebook } from './codebook.ts';
import { HeatGrid } from './heat-grid.ts';
import { CaseIndex } from './case-index.ts';
import { CoverageLedger } from './coverage.ts';
import { SiteRisk, inspectionSitesFrom } from './site-risk.ts';
import { roadSectionsFrom } from './road-duty.ts';
import { ReviewService } from './review-service.ts';
import type { ReviewRepo } from './review-repo.ts';

declare module 'fastify' {
  interface FastifyInstance {
    review: ReviewService;
  }
}

export interface FixListener {
  (patrolIndex: number, fix: { time: number; lon: number; lat: number }): void;
}

export interface ReviewPluginOptions {
  repo: ReviewRepo;
  /** Subscribes a listener to every fix the live registry accepts (LivePatrols.onFix). */
  onFix: (listener: FixListener) => void;
}

type LayerFeatures = { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };

export default fp<ReviewPluginOptions>(async (app, opts) => {
  const { layers, locator } = app.geo;
  const areas = new ReviewAreas(layers);
  const ctx = { areas, codes: new Codebook(app.caseRules.categories()), heat: new HeatGrid(locator.bbox) };

  // Events published while the index loads (PostgreSQL scans yield between pages) are replayed
  // on top of it; applying a snapshot is idempotent, so one seen twice does no harm.
  let index: CaseIndex | null = null;
  const pending: CaseEvent[] = [];
  app.caseBus.on('event', (e) => { if (index) index.applyEvent(e); else pending.push(e); });
  const started = performance.now();
  const loaded = await CaseIndex.load(opts.repo, ctx);
  for (const e of pending) loaded.applyEvent(e);
  index = loaded;
  app.log.info({ cases: index.size, ms: Math.round(performance.now() - started) }, 'review index loaded');

  const coverage = new CoverageLedger(areas, (lon, lat) => locator.cells.find(lon, lat), opts.repo);
  opts.onFix((_, fix) => coverage.observe(fix.time, fix.lon, fix.lat));

  const layer = (name: 'inspection-points' | 'road-sections') =>
    (JSON.parse(layers.files.get(name)!.raw.toString('utf8')) as LayerFeatures).features;
  app.decorate('review', new ReviewService({
    index, coverage,
    sites: new SiteRisk(inspectionSitesFrom(layer('inspection-points'))),
    sections: roadSectionsFrom(layer('road-sections')),
    settings: app.store.settings,
    positions: app.store.positions,
    live: app.live,
    categories: () => app.caseRules.categories(),
  }));
}, { name: 'review', dependencies: ['store', 'geo', 'live', 'cases'] });
