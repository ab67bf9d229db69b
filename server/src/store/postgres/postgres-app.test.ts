// The whole server on PostgreSQL: boot with DATABASE_URL, log in, create and list a case, and find
// the rows in the database rather than in a SQLite file.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { buildTestApp } from '../../test/build-test-app.ts';
import { postgresAvailable, TestSchemas } from './test-schema.ts';

const available = await postgresAvailable();

describe.skipIf(!available)('the server on PostgreSQL', () => {
  const schemas = new TestSchemas();
  afterAll(() => schemas.dropAll());

  it('boots, logs in, creates a case and lists it, all stored in PostgreSQL', async () => {
    const { schema, url } = await schemas.create();
    const t = await buildTestApp({ DATABASE_URL: url });
    try {
      expect(t.app.store.kind).toBe('postgres');
      expect(await t.app.store.ping()).toBe(true);
      const auth = { authorization: `Bearer ${await t.login('dispatcher')}` };
      const created = await t.app.inject({
        method: 'POST', url: '/api/v1/cases', headers: auth,
        payload: { category: 'street_dirty', lon: 114.03, lat: 32.97, description: '路边垃圾堆积', clientRef: 'pg-app-test-0001' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const c = created.json() as { id: string; district: string | null };
      expect(c.id).toMatch(/^AJ\d{8}-00001$/);

      const list = await t.app.inject({ url: '/api/v1/cases?q=%E5%9E%83%E5%9C%BE', headers: auth });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json()).toMatchObject({ total: 1, lastSeq: 1, cases: [{ id: c.id, description: '路边垃圾堆积' }] });

      const rows = await schemas.query<{ id: string; sessions: number }>(
        `SELECT c.id, (SELECT COUNT(*)::int FROM ${schema}.sessions) AS sessions FROM ${schema}.cases c`);
      expect(rows.rows).toEqual([{ id: c.id, sessions: 1 }]);
      expect(existsSync(`${t.dataDir}/command-center.db`)).toBe(false);
    } finally {
      await t.close();
    }
  });
});
