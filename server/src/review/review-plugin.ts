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
import type { Geo } from '../plugins/geo.ts';

declare module 'fastify' {
  interface FastifyInstance {
    readonly review: ReviewService;
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

const REVIEW_LAYERS: ReadonlySet<string> = new Set(['districts', 'streets', 'communities', 'grid', 'inspection-points', 'road-sections']);

type LayerFeatures = { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };

export default fp<ReviewPluginOptions>(async (app, opts) => {
  // Everything below is built from one set of layers. When an import replaces the districts,
  // streets, communities, grid, sites or road sections, a new service is built off to the side
  // (reloading the case index against the new area dictionaries) and swapped in whole; events and
  // fixes go to whichever index and ledger are current, and events published while a new index
  // loads are replayed on top of it (applying a snapshot is idempotent).
  let current: { service: ReviewService; index: CaseIndex; coverage: CoverageLedger } | null = null;
  let loading: CaseEvent[] | null = null;
  app.caseBus.on('event', (e) => { current?.index.applyEvent(e); loading?.push(e); });
  opts.onFix((_, fix) => current?.coverage.observe(fix.time, fix.lon, fix.lat));

  const build = async (geo: Geo) => {
    const { layers, locator } = geo;
    const areas = new ReviewAreas(layers);
    const ctx = { areas, codes: new Codebook(app.caseRules.categories()), heat: new HeatGrid(locator.bbox) };
    const pending: CaseEvent[] = [];
    loading = pending;
    const started = performance.now();
    let index: CaseIndex;
    try {
      index = await CaseIndex.load(opts.repo, ctx);
    } finally {
      loading = null;
    }
    for (const e of pending) index.applyEvent(e);
    app.log.info({ cases: index.size, ms: Math.round(performance.now() - started) }, 'review index loaded');
    const coverage = new CoverageLedger(areas, (lon, lat) => locator.cells.find(lon, lat), opts.repo);
    const layer = (name: 'inspection-points' | 'road-sections') =>
      (JSON.parse(layers.files.get(name)!.raw.toString('utf8')) as LayerFeatures).features;
    const service = new ReviewService({
      index, coverage,
      sites: new SiteRisk(inspectionSitesFrom(layer('inspection-points'))),
      sections: roadSectionsFrom(layer('road-sections')),
      settings: app.store.settings,
      positions: app.store.positions,
      live: app.live,
      categories: () => app.caseRules.categories(),
    });
    return { service, index, coverage };
  };

  current = await build(app.geo);
  app.decorate('review', { getter: () => current!.service });
  let rebuilding: Promise<void> = Promise.resolve();
  app.onGeoChanged((changed, geo) => {
    if (!changed.some((n) => REVIEW_LAYERS.has(n))) return;
    rebuilding = rebuilding.then(() => build(geo)).then((next) => { current = next; },
      (err: unknown) => app.log.error({ err }, 'review rebuild after a layer change failed; the previous layers still serve the review'));
  });
}, { name: 'review', dependencies: ['store', 'geo', 'live', 'cases'] });
