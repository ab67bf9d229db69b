// The review outside the server, for benchmarks over a store of generated history: the layers'
// lookups and dictionaries, and a ReviewService over a loaded case index with no live patrols,
// stored settings or position tracks.
import { CASE_CATEGORIES } from '@cw/shared/domain/taxonomy';
import { loadLayers, type LoadedLayers } from '../geo/layers.ts';
import { Locator } from '../geo/locator.ts';
import { ReviewAreas } from './areas.ts';
import { Codebook } from './codebook.ts';
import { HeatGrid } from './heat-grid.ts';
import type { CaseIndex } from './case-index.ts';
import { CoverageLedger } from './coverage.ts';
import { SiteRisk, type InspectionSite } from './site-risk.ts';
import { ReviewService } from './review-service.ts';
import type { ReviewRepo } from './review-repo.ts';

export interface ReviewGround {
  layers: LoadedLayers;
  locator: Locator;
  /** What CaseIndex.load needs. */
  context: { areas: ReviewAreas; codes: Codebook; heat: HeatGrid };
}

export function reviewGround(layersDir: string): ReviewGround {
  const layers = loadLayers(layersDir);
  const locator = new Locator(layers);
  return { layers, locator, context: { areas: new ReviewAreas(layers), codes: new Codebook(CASE_CATEGORIES), heat: new HeatGrid(locator.bbox) } };
}

export function offlineReviewService(ground: ReviewGround, index: CaseIndex, repo: ReviewRepo, sites: readonly InspectionSite[]): ReviewService {
  return new ReviewService({
    index, coverage: new CoverageLedger(ground.context.areas, (lon, lat) => ground.locator.cells.find(lon, lat), repo),
    sites: new SiteRisk(sites), sections: [],
    settings: { get: async () => null, put: async () => {} }, positions: { track: async () => [] },
    live: { list: () => [], byPatrolId: () => null }, categories: () => CASE_CATEGORIES,
  });
}
