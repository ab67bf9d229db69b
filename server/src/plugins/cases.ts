import fp from 'fastify-plugin';
import { CaseRules } from '../settings/case-rules.ts';
import { CaseBus } from '../cases/case-bus.ts';
import { CaseService } from '../cases/case-service.ts';
import { currentLocator } from './geo.ts';

declare module 'fastify' {
  interface FastifyInstance {
    cases: CaseService;
    caseBus: CaseBus;
    caseRules: CaseRules;
  }
}

const ESCALATION_SWEEP_MS = 15_000;

export default fp(async (app) => {
  const bus = new CaseBus();
  const rules = await CaseRules.load(app.store.settings);
  app.decorate('caseRules', rules);
  const cases = new CaseService({
    repo: app.store.cases,
    locator: currentLocator(app),
    bus,
    rules,
    onAssignment: (patrolId, busy) => app.live.setBusy(patrolId, busy),
  });
  app.decorate('caseBus', bus);
  app.decorate('cases', cases);

  // Restore busy flags from the open assignments in the store.
  for (const state of ['dispatched', 'in_progress']) {
    const { cases: open } = await cases.list({ state, limit: 5000 });
    for (const c of open) if (c.patrolId) app.live.setBusy(c.patrolId, true);
  }

  const sweep = () => cases.escalateDue().catch((err) => app.log.error({ err }, 'escalation sweep failed'));
  const timer = setInterval(sweep, ESCALATION_SWEEP_MS);
  timer.unref();
  app.addHook('onReady', async () => { void sweep(); });
  app.addHook('onClose', async () => clearInterval(timer));
}, { name: 'cases', dependencies: ['store', 'geo', 'live'] });
