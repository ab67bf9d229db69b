// Admin: accounts, the category taxonomy and the working-day calendar.
import Type from 'typebox';
import { CalendarBody, NewUser, TaxonomyBody, UserView } from '@cw/shared/schemas/admin';
import { ErrorBody } from '@cw/shared/schemas/common';
import { hashPassword } from '../auth/password.ts';
import { DomainError } from '../domain-error.ts';
import type { UserRecord } from '../store/types.ts';
import type { App } from './types.ts';

const view = (u: UserRecord) => ({ username: u.username, role: u.role, patrolId: u.patrolId, disabled: u.disabled, createdAt: u.createdAt });

export default async function adminRoutes(app: App) {
  const admin = [app.authenticate, app.requireRole('admin')];

  app.get('/api/v1/admin/users', { onRequest: admin, schema: { response: { 200: Type.Array(UserView) } } }, async () =>
    (await app.store.users.list()).map(view));

  app.put('/api/v1/admin/users', { onRequest: admin, schema: { body: NewUser, response: { 200: UserView, 400: ErrorBody } } }, async (req) => {
    const b = req.body;
    if (b.role === 'patrol' && (!b.patrolId || !app.live.byPatrolId(b.patrolId))) {
      throw new DomainError('bad_request', 'a patrol account needs the id of a registered patrol');
    }
    if (b.role !== 'patrol' && b.patrolId) throw new DomainError('bad_request', 'only patrol accounts are tied to a patrol');
    if (b.username === req.user!.username && (b.role !== 'admin' || b.disabled)) throw new DomainError('bad_request', 'you cannot demote or disable yourself');
    const existing = await app.store.users.get(b.username);
    const user: UserRecord = {
      username: b.username, role: b.role, passwordHash: await hashPassword(b.password), patrolId: b.patrolId ?? null,
      createdAt: existing?.createdAt ?? Date.now(), disabled: b.disabled ?? false,
    };
    await app.store.users.upsert(user);
    return view(user);
  });

  app.get('/api/v1/taxonomy', { onRequest: app.authenticate }, async () => ({ categories: app.caseRules.categories() }));
  app.put('/api/v1/admin/taxonomy', { onRequest: admin, schema: { body: TaxonomyBody } }, async (req) => {
    await app.caseRules.setCategories(req.body.categories, req.user!.username, Date.now());
    return { categories: app.caseRules.categories() };
  });

  app.get('/api/v1/admin/calendar', { onRequest: admin, schema: { response: { 200: CalendarBody } } }, async () => app.caseRules.calendarBody);
  app.put('/api/v1/admin/calendar', { onRequest: admin, schema: { body: CalendarBody, response: { 200: CalendarBody } } }, async (req) => {
    await app.caseRules.setCalendar(req.body, req.user!.username, Date.now());
    return app.caseRules.calendarBody;
  });
}
