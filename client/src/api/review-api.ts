// Typed calls to the leaders' review API (/api/v1/review/*, contract in shared/src/schemas/review.ts).
// URLs are built by review/review-query.ts so that equal questions give equal URLs.
import type {
  AssessmentReply, ChoroplethReply, CompareReply, CoverageReply, DutyReply, HeatReply, MetaReply, PatrolStatusReply,
  RankingsReply, ReplayReply, ReportReply, SeriesReply, SitesReply, StaleReply,
} from '@cw/shared/schemas/review';
import type { Patrol } from '@cw/shared/schemas/patrols';
import { getJson } from './http.ts';
import { reviewUrl } from '../review/review-query.ts';

export type {
  AssessmentReply, ChoroplethReply, CompareReply, CoverageReply, DutyReply, HeatReply, MetaReply, PatrolStatusReply,
  RankingsReply, ReplayReply, ReportReply, SeriesReply, SitesReply, StaleReply,
};

type Params = Readonly<Record<string, string | number | undefined>>;

export const reviewApi = {
  meta: () => getJson<MetaReply>(reviewUrl('meta')),
  choropleth: (p: Params) => getJson<ChoroplethReply>(reviewUrl('choropleth', p)),
  heat: (p: Params) => getJson<HeatReply>(reviewUrl('heat', p)),
  compare: (p: Params) => getJson<CompareReply>(reviewUrl('compare', p)),
  series: (p: Params) => getJson<SeriesReply>(reviewUrl('series', p)),
  rankings: (p: Params) => getJson<RankingsReply>(reviewUrl('rankings', p)),
  assessment: (p: Params) => getJson<AssessmentReply>(reviewUrl('assessment', p)),
  sites: (p: Params) => getJson<SitesReply>(reviewUrl('sites', p)),
  coverage: (p: Params) => getJson<CoverageReply>(reviewUrl('coverage', p)),
  stale: (days: number) => getJson<StaleReply>(reviewUrl('coverage/stale', { days })),
  quietPatrols: () => getJson<PatrolStatusReply>(reviewUrl('patrols/quiet')),
  duty: () => getJson<DutyReply>(reviewUrl('duty')),
  replay: (p: Params) => getJson<ReplayReply>(reviewUrl('replay', p)),
  report: (p: Params) => getJson<ReportReply>(reviewUrl('report', p)),
  /** The patrol directory (who can be replayed). */
  patrols: () => getJson<{ patrols: Patrol[] }>('/api/v1/patrols'),
};
