import Type from 'typebox';
import { Case, CaseCommand, CaseEvent, CaseList, CaseQuery, CaseStats, NewCase, Recommendation } from '@cw/shared/schemas/cases';
import { ErrorBody } from '@cw/shared/schemas/common';
import { recommendPatrols } from '../cases/recommend.ts';
import { DomainError } from '../domain-error.ts';
import type { App } from './types.ts';

const CaseId = Type.Object({ id: Type.String({ pattern: '^AJ\\d{8}-\\d{5}$' }) });
const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
/** States in which a case sits with its patrol: to acknowledge, to fix, or fixed and awaiting a check. */
const ASSIGNED_STATES = 'dispatched,in_progress,feedback';

export default async function caseRoutes(app: App) {
  const readers = [app.authenticate, app.requireRole('wall', 'dispatcher', 'leader', 'admin')];
  const writers = [app.authenticate, app.requireRole('dispatcher', 'admin', 'patrol')];

  app.get('/api/v1/cases', { onRequest: readers, schema: { querystring: CaseQuery, response: { 200: CaseList } } }, async (req) => {
    const [{ total, cases }, lastSeq] = await Promise.all([app.cases.list(req.query), app.cases.lastSeq()]);
    return { total, cases, lastSeq };
  });

  app.get('/api/v1/cases/stats', { onRequest: readers, schema: { response: { 200: CaseStats } } }, async () => app.cases.stats());

  // A patrol phone's own open tasks (it may not list other cases), with the seq the list stands at
  // so the phone follows on from there with case events, as the wall does with its list.
  app.get('/api/v1/cases/assigned', { onRequest: [app.authenticate, app.requireRole('patrol')], schema: { response: { 200: CaseList } } }, async (req) => {
    const [{ cases }, lastSeq] = await Promise.all([
      app.cases.list({ open: true, state: ASSIGNED_STATES, limit: 5000, offset: 0 }),
      app.cases.lastSeq(),
    ]);
    const mine = cases.filter((c) => c.patrolId !== null && c.patrolId === req.user!.patrolId);
    return { total: mine.length, cases: mine, lastSeq };
  });

  app.get('/api/v1/cases/:id', { onRequest: [app.authenticate], schema: { params: CaseId, response: { 200: Case, ...Errors } } }, async (req) => {
    const c = await app.cases.get(req.params.id);
    if (!c || (req.user!.role === 'patrol' && c.patrolId !== req.user!.patrolId && c.reporter !== req.user!.username)) {
      throw new DomainError('not_found', `no case ${req.params.id}`);
    }
    return c;
  });

  app.get('/api/v1/cases/:id/events', { onRequest: readers, schema: { params: CaseId, response: { 200: Type.Array(CaseEvent) } } }, async (req) =>
    app.cases.events(req.params.id));

  app.post('/api/v1/cases', { onRequest: writers, schema: { body: NewCase, response: { 201: Case, ...Errors } } }, async (req, reply) => {
    const user = req.user!;
    const source = user.role === 'patrol' ? 'patrol' : (req.body.source === 'hotline' ? 'hotline' : 'dispatcher');
    const event = await app.cases.create(req.body, user, source);
    return reply.code(201).send(event.case);
  });

  app.post('/api/v1/cases/:id/transitions', { onRequest: writers, schema: { params: CaseId, body: CaseCommand, response: { 200: Case, ...Errors } } }, async (req) =>
    (await app.cases.transition(req.params.id, req.body, req.user!)).case);

  app.post('/api/v1/cases/:id/comments', {
    onRequest: writers,
    schema: {
      params: CaseId,
      body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }), commandId: Type.Optional(Type.String({ minLength: 8, maxLength: 64 })) }, { additionalProperties: false }),
      response: { 200: Case, ...Errors },
    },
  }, async (req) => (await app.cases.comment(req.params.id, req.body.note, req.user!, req.body.commandId)).case);

  app.get('/api/v1/cases/:id/recommendations', {
    onRequest: [app.authenticate, app.requireRole('dispatcher', 'admin')],
    schema: {
      params: CaseId,
      querystring: Type.Object({ n: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) }),
      response: { 200: Type.Object({ recommendations: Type.Array(Recommendation) }) },
    },
  }, async (req) => {
    const c = await app.cases.get(req.params.id);
    if (!c) throw new DomainError('not_found', `no case ${req.params.id}`);
    return { recommendations: recommendPatrols(app.live, c, app.caseRules.category(c.category), req.query.n ?? 5, Date.now()) };
  });
}
