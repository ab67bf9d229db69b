// The leaders' review API (/review page): heatmaps, choropleths, comparisons, day series, rankings,
// assessment tracker, coverage, shift duty, replay, CSV exports and the printable report. Leaders
// and admins read; only admins change the taxonomy and the shift schedule. See review/README.md.
import type { FastifyReply } from 'fastify';
import { ErrorBody } from '@cw/shared/schemas/common';
import { SITE_CATEGORY_BY_CODE } from '@cw/shared/domain/site-categories';
import {
  AreasCsvQuery, AssessmentQuery, AssessmentReply, ChoroplethQuery, ChoroplethReply, CompareQuery, CompareReply, CoverageQuery,
  CoverageReply, DutyReply, HeatQuery, HeatReply, MetaReply, PatrolStatusReply, RankingsQuery, RankingsReply, ReplayQuery,
  ReplayReply, ReportQuery, ReportReply, SeriesQuery, SeriesReply, ShiftsBody, ShiftsReply, SitesQuery, SitesReply, StaleQuery,
  StaleReply, TaxonomySchema,
} from '../review/schemas.ts';
import { areasCsv, assessmentCsv, coverageCsv, dutyCsv, rankingsCsv, sitesCsv } from '../review/review-csv.ts';
import type { App } from './types.ts';

const Errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const day = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(csv);
}

export default async function reviewRoutes(app: App) {
  const readers = [app.authenticate, app.requireRole('leader', 'admin')];
  const admins = [app.authenticate, app.requireRole('admin')];
  const base = '/api/v1/review';

  app.get(`${base}/meta`, { onRequest: readers, schema: { response: { 200: MetaReply, ...Errors } } }, async () => app.review.meta());

  app.get(`${base}/choropleth`, { onRequest: readers, schema: { querystring: ChoroplethQuery, response: { 200: ChoroplethReply, ...Errors } } },
    async (req) => app.review.choropleth(req.query, req.query, req.query.level, req.query.metric ?? 'count'));

  app.get(`${base}/heat`, { onRequest: readers, schema: { querystring: HeatQuery, response: { 200: HeatReply, ...Errors } } },
    async (req) => app.review.heat(req.query, req.query, req.query.scale));

  app.get(`${base}/compare`, { onRequest: readers, schema: { querystring: CompareQuery, response: { 200: CompareReply, ...Errors } } },
    async (req) => {
      const q = req.query;
      return app.review.compare({ from: q.aFrom, to: q.aTo }, { from: q.bFrom, to: q.bTo }, q, q.level);
    });

  app.get(`${base}/series`, { onRequest: readers, schema: { querystring: SeriesQuery, response: { 200: SeriesReply, ...Errors } } },
    async (req) => app.review.series(req.query, req.query, req.query.level, req.query.scale));

  app.get(`${base}/rankings`, { onRequest: readers, schema: { querystring: RankingsQuery, response: { 200: RankingsReply, ...Errors } } },
    async (req) => ({ level: req.query.level, rows: app.review.rankings(req.query, req.query, req.query.level, req.query.sort, req.query.order) }));

  app.get(`${base}/rankings.csv`, { onRequest: readers, schema: { querystring: RankingsQuery, response: Errors } }, async (req, reply) => {
    const q = req.query;
    return sendCsv(reply, `rankings-${q.level}-${day(q.from)}-${day(q.to - 1)}`, rankingsCsv(app.review.rankings(q, q, q.level, q.sort, q.order), q.level));
  });

  app.get(`${base}/areas.csv`, { onRequest: readers, schema: { querystring: AreasCsvQuery, response: Errors } }, async (req, reply) => {
    const q = req.query;
    const { stats } = app.review.areas(q, q, q.level);
    return sendCsv(reply, `areas-${q.level}-${day(q.from)}-${day(q.to - 1)}`, areasCsv(stats, q.level, app.review.index.ctx.areas));
  });

  app.get(`${base}/assessment`, { onRequest: readers, schema: { querystring: AssessmentQuery, response: { 200: AssessmentReply, ...Errors } } },
    async (req) => app.review.assessment(req.query, req.query.weeks));

  app.get(`${base}/assessment.csv`, { onRequest: readers, schema: { querystring: AssessmentQuery, response: Errors } }, async (req, reply) =>
    sendCsv(reply, `assessment-${day(Date.now())}`, assessmentCsv(await app.review.assessment(req.query, req.query.weeks))));

  app.get(`${base}/assessment/taxonomy`, { onRequest: readers, schema: { response: { 200: TaxonomySchema, ...Errors } } },
    async () => app.review.taxonomy());

  app.put(`${base}/assessment/taxonomy`, { onRequest: admins, bodyLimit: 1024 * 1024, schema: { body: TaxonomySchema, response: { 200: TaxonomySchema, ...Errors } } },
    async (req) => {
      await app.review.setTaxonomy(req.body, req.user!.username);
      return app.review.taxonomy();
    });

  app.get(`${base}/sites`, { onRequest: readers, schema: { querystring: SitesQuery, response: { 200: SitesReply, ...Errors } } },
    async (req) => app.review.sites(req.query, req.query.radius));

  app.get(`${base}/sites.csv`, { onRequest: readers, schema: { querystring: SitesQuery, response: Errors } }, async (req, reply) => {
    const { sites } = app.review.sites(req.query, req.query.radius);
    const csv = sitesCsv(sites, app.review.index.ctx.areas, (c) => SITE_CATEGORY_BY_CODE.get(c)?.zh ?? c);
    return sendCsv(reply, `sites-at-risk-${day(Date.now())}`, csv);
  });

  app.get(`${base}/coverage`, { onRequest: readers, schema: { querystring: CoverageQuery, response: { 200: CoverageReply, ...Errors } } },
    async (req) => app.review.coverage(req.query, req.query.level));

  app.get(`${base}/coverage.csv`, { onRequest: readers, schema: { querystring: CoverageQuery, response: Errors } }, async (req, reply) => {
    const level = req.query.level ?? 'street';
    const cov = await app.review.coverage(req.query, level);
    return sendCsv(reply, `coverage-${level}-${day(req.query.from)}-${day(req.query.to - 1)}`, coverageCsv(cov, level, app.review.index.ctx.areas));
  });

  app.get(`${base}/coverage/stale`, { onRequest: readers, schema: { querystring: StaleQuery, response: { 200: StaleReply, ...Errors } } },
    async (req) => app.review.staleCells(req.query.days));

  app.get(`${base}/patrols/quiet`, { onRequest: readers, schema: { response: { 200: PatrolStatusReply, ...Errors } } },
    async () => app.review.quietPatrols());

  app.get(`${base}/duty`, { onRequest: readers, schema: { response: { 200: DutyReply, ...Errors } } }, async () => app.review.duty());

  app.get(`${base}/duty.csv`, { onRequest: readers, schema: { response: Errors } }, async (_req, reply) => {
    const duty = await app.review.duty();
    return sendCsv(reply, `duty-${day(duty.at)}`, dutyCsv(duty.sections));
  });

  app.get(`${base}/duty/shifts`, { onRequest: readers, schema: { response: { 200: ShiftsReply, ...Errors } } }, async () => app.review.shifts());

  app.put(`${base}/duty/shifts`, { onRequest: admins, bodyLimit: 2 * 1024 * 1024, schema: { body: ShiftsBody, response: { 200: ShiftsReply, ...Errors } } },
    async (req) => {
      await app.review.setShifts(req.body.shifts, req.user!.username);
      return app.review.shifts();
    });

  app.get(`${base}/replay`, { onRequest: readers, schema: { querystring: ReplayQuery, response: { 200: ReplayReply, ...Errors } } },
    async (req) => app.review.replay(req.query, req.query.patrols.split(',').map((s) => s.trim()).filter(Boolean)));

  app.get(`${base}/report`, { onRequest: readers, schema: { querystring: ReportQuery, response: { 200: ReportReply, ...Errors } } },
    async (req) => app.review.report(req.query, req.query));
}
