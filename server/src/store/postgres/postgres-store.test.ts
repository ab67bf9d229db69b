import { afterAll, describe, expect, it } from 'vitest';
import { describeStoreContract } from '../store-contract.ts';
import { describeSharedFilesContract } from '../shared-files-contract.ts';
import type { Case } from '@cw/shared/schemas/cases';
import { UniqueViolation, type Store } from '../types.ts';
import { SQLITE_MIGRATIONS } from '../sqlite/migrations.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';
import { createPostgresStore } from './store.ts';
import { postgresAvailable, schemaUrl, TestSchemas } from './test-schema.ts';

const available = await postgresAvailable();
const failOnIdleError = (err: Error) => { throw err; };

describe.skipIf(!available)('postgres', () => {
  const schemas = new TestSchemas();
  afterAll(() => schemas.dropAll());
  const open = (url: string) => createPostgresStore(url, { max: 4, onIdleError: failOnIdleError });

  // One migrated schema, emptied before each test: a fresh schema per test costs ten times as much.
  let shared: Promise<{ schema: string; url: string }> | undefined;
  describeStoreContract('postgres', async () => {
    shared ??= schemas.create();
    const { schema, url } = await shared;
    await schemas.empty(schema);
    return open(url);
  });

  describeSharedFilesContract('postgres', async () => {
    shared ??= schemas.create();
    const { schema, url } = await shared;
    await schemas.empty(schema);
    const store = await open(url);
    return { files: store.shared!, close: () => store.close() };
  });

  describe('several nodes on one database', () => {
    it('migrate once when they start together, recording each SQLite-numbered version', async () => {
      const { schema, url } = await schemas.create();
      const nodes = await Promise.all([open(url), open(url), open(url)]);
      try {
        expect(POSTGRES_MIGRATIONS).toHaveLength(SQLITE_MIGRATIONS.length);
        const { rows } = await schemas.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
        expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
        await nodes[0]!.users.upsert({ username: 'a', role: 'admin', passwordHash: '!', patrolId: null, createdAt: 1, disabled: false });
        expect(await nodes[2]!.users.get('a')).not.toBeNull();
      } finally {
        await Promise.all(nodes.map((n) => n.close()));
      }
    });

    it('share one gap-free event seq, one per-day numbering and one patrol index sequence', async () => {
      const { url } = await schemas.create();
      const nodes: Store[] = await Promise.all([open(url), open(url)]);
      try {
        const T = Date.parse('2026-11-23T09:00:00+08:00');
        const draft: Omit<Case, 'id' | 'code'> = {
          state: 'reported', category: 'noise', item: 'i', unit: 'u', priority: 'normal', source: 'dispatcher', lon: 114, lat: 33,
          cell: null, community: null, street: null, district: null, description: '', address: '', reporter: 'r', patrolId: null,
          createdAt: T, updatedAt: T, deadlineAt: T, closedAt: null, overdue: false, escalation: 0, photos: [], deferredFrom: null,
          deferredUntil: null, version: 1,
        };
        const writes = Array.from({ length: 20 }, (_, k) =>
          nodes[k % 2]!.cases.create(draft, { type: 'created', at: T, actor: 'r' }, k % 5 === 0 ? 'shared-ref-0001' : undefined));
        const results = await Promise.allSettled(writes);
        // Three of the four creates carrying the same clientRef lose; their numbers are given back.
        const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
        expect(lost).toHaveLength(3);
        for (const reason of lost) expect(reason).toBeInstanceOf(UniqueViolation);
        const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        expect(won.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 17 }, (_, k) => k + 1));
        expect(won.map((e) => e.case.code).sort().at(-1)).toBe('AJ20261123-00017');
        expect(await nodes[1]!.cases.lastSeq()).toBe(17);

        const patrols = await Promise.all(Array.from({ length: 8 }, (_, k) => nodes[k % 2]!.patrols.create({
          id: `P${k}`, deviceId: `d${k}`, name: `n${k}`, kind: 'volunteer', unit: 'u', homeStreet: null, createdAt: k,
        })));
        expect(patrols.map((p) => p.index).sort((a, b) => a - b)).toEqual([...Array(8).keys()]);
      } finally {
        await Promise.all(nodes.map((n) => n.close()));
      }
    });
  });

  it('refuses to start when the search_path names no existing schema', async () => {
    await expect(open(schemaUrl('cw_test_missing_schema'))).rejects.toThrow(/no schema on the search_path exists/);
  });
});
