// The behaviour every Store must have, run against each engine (sqlite/sqlite-store.test.ts,
// postgres/postgres-store.test.ts). A difference between engines is a failure here, not a surprise
// in production. Each test gets a fresh, empty store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './types.ts';
import { ConflictError, UniqueViolation, type PatrolRecord, type PositionRow, type SessionRecord, type UserRecord } from './types.ts';
import { describeCaseContract } from './case-contract.ts';

export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => { store = await makeStore(); });
    afterEach(async () => { await store.close(); });
    const use = () => store;

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });

    describe('users', () => {
      const user = (username: string, over: Partial<UserRecord> = {}): UserRecord => ({
        username, role: 'dispatcher', passwordHash: `hash-${username}`, patrolId: null, createdAt: 1_790_000_000_000, disabled: false, ...over,
      });

      it('stores and returns every field; unknown names are null', async () => {
        const u = user('p7', { role: 'patrol', patrolId: 'P7', disabled: true });
        await store.users.upsert(u);
        expect(await store.users.get('p7')).toEqual(u);
        expect(await store.users.get('P7')).toBeNull();
      });

      it('upsert replaces role, hash, patrol and disabled but keeps the creation time', async () => {
        await store.users.upsert(user('ann'));
        await store.users.upsert(user('ann', { role: 'admin', passwordHash: 'new', patrolId: 'P1', disabled: true, createdAt: 5 }));
        expect(await store.users.get('ann')).toEqual(user('ann', { role: 'admin', passwordHash: 'new', patrolId: 'P1', disabled: true }));
      });

      it('lists in byte order of the name', async () => {
        for (const n of ['bob', 'Zed', 'admin', '值班员', 'a_b']) await store.users.upsert(user(n));
        expect((await store.users.list()).map((u) => u.username)).toEqual(['Zed', 'a_b', 'admin', 'bob', '值班员']);
      });
    });

    describe('sessions', () => {
      const session = (tokenHash: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
        tokenHash, username: 'ann', kind: 'login', label: '', createdAt: 1_790_000_000_000, expiresAt: 1_790_000_900_000, revokedAt: null, ...over,
      });
      beforeEach(async () => {
        await store.users.upsert({ username: 'ann', role: 'wall', passwordHash: '!', patrolId: null, createdAt: 1, disabled: false });
      });

      it('stores and returns every field, nulls included', async () => {
        const s = session('h1', { kind: 'display', label: '大屏 1', expiresAt: null });
        await store.sessions.create(s);
        expect(await store.sessions.get('h1')).toEqual(s);
        expect(await store.sessions.get('h2')).toBeNull();
      });

      it('refuses a session for an unknown user', async () => {
        await expect(store.sessions.create(session('h1', { username: 'ghost' }))).rejects.toThrow();
        expect(await store.sessions.get('h1')).toBeNull();
      });

      it('revokes once, keeping the first revocation time', async () => {
        await store.sessions.create(session('h1'));
        expect(await store.sessions.revoke('h1', 100)).toBe(true);
        expect(await store.sessions.revoke('h1', 200)).toBe(false);
        expect(await store.sessions.revoke('nope', 300)).toBe(false);
        expect((await store.sessions.get('h1'))?.revokedAt).toBe(100);
      });

      it('lists only display sessions, oldest first, revoked ones included', async () => {
        await store.sessions.create(session('d2', { kind: 'display', createdAt: 20 }));
        await store.sessions.create(session('l1', { createdAt: 5 }));
        await store.sessions.create(session('d1', { kind: 'display', createdAt: 10 }));
        await store.sessions.revoke('d2', 30);
        expect((await store.sessions.listDisplays()).map((s) => [s.tokenHash, s.revokedAt])).toEqual([['d1', null], ['d2', 30]]);
      });
    });

    describe('patrols', () => {
      const patrol = (k: number, over: Partial<PatrolRecord> = {}): Omit<PatrolRecord, 'index'> => ({
        id: `P${k}`, deviceId: `dev-${k}`, name: `巡逻员${k}`, kind: 'grid_member', unit: 'wgy', homeStreet: k % 2 ? '411702001' : null, createdAt: 1000 + k, ...over,
      });

      it('gives indexes 0, 1, 2 … in creation order and lists by index', async () => {
        const created = [];
        for (const k of [5, 3, 9]) created.push(await store.patrols.create(patrol(k)));
        expect(created.map((p) => p.index)).toEqual([0, 1, 2]);
        expect(await store.patrols.list()).toEqual(created);
        expect(created[1]).toEqual({ ...patrol(3), index: 1 });
      });

      it('gives concurrent creates distinct, dense indexes', async () => {
        const made = await Promise.all(Array.from({ length: 12 }, (_, k) => store.patrols.create(patrol(k))));
        expect(made.map((p) => p.index).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
        expect((await store.patrols.list()).map((p) => [p.index, p.id])).toEqual(
          [...made].sort((a, b) => a.index - b.index).map((p) => [p.index, p.id]));
      });

      it('refuses a taken device id with UniqueViolation and does not use up an index', async () => {
        await store.patrols.create(patrol(1));
        await expect(store.patrols.create(patrol(2, { deviceId: 'dev-1' }))).rejects.toBeInstanceOf(UniqueViolation);
        expect((await store.patrols.create(patrol(3))).index).toBe(1);
      });
    });

    describe('positions', () => {
      const fix = (patrolIndex: number, time: number, over: Partial<PositionRow> = {}): PositionRow => ({
        patrolIndex, time, lon: 114.012345678901, lat: 32.987654321098, speed: 4.25, heading: 271.5, ...over,
      });
      const T = 1_790_000_000_000;

      it('returns a track between two times inclusive, in time order, for one patrol only', async () => {
        await store.positions.append([fix(0, T + 2000), fix(1, T + 1000), fix(0, T), fix(0, T + 1000, { lon: 114.5 }), fix(0, T + 3000)]);
        await store.positions.append([]);
        expect(await store.positions.track(0, T, T + 2000)).toEqual([fix(0, T), fix(0, T + 1000, { lon: 114.5 }), fix(0, T + 2000)]);
        expect(await store.positions.track(1, T, T + 5000)).toEqual([fix(1, T + 1000)]);
        expect(await store.positions.track(2, T, T + 5000)).toEqual([]);
      });

      it('returns the newest fix of every patrol, whatever order they arrived in', async () => {
        await store.positions.append([fix(0, T + 5000, { speed: 0 }), fix(0, T), fix(3, T + 1)]);
        await store.positions.append([fix(3, T + 9, { heading: 0 }), fix(0, T + 4000)]);
        const latest = (await store.positions.latest()).sort((a, b) => a.patrolIndex - b.patrolIndex);
        expect(latest).toEqual([fix(0, T + 5000, { speed: 0 }), fix(3, T + 9, { heading: 0 })]);
      });

      it('stores a batch all or nothing', async () => {
        const broken = { ...fix(1, T + 1), lon: null } as unknown as PositionRow;
        await expect(store.positions.append([fix(1, T), broken])).rejects.toThrow();
        expect(await store.positions.latest()).toEqual([]);
      });
    });

    describeCaseContract(use);

    describe('settings', () => {
      it('returns null for an unknown key and the stored JSON value otherwise', async () => {
        expect(await store.settings.get('taxonomy')).toBeNull();
        const value = { categories: [{ code: 'noise', limitHours: 2, urgent: true, label: '噪音扰民' }], note: null, ratio: 0.1 + 0.2 };
        await store.settings.put('taxonomy', value, 'admin', 1);
        expect(await store.settings.get('taxonomy')).toEqual(value);
        await store.settings.put('flag', 'on', 'admin', 1);
        expect(await store.settings.get('flag')).toBe('on');
      });

      it('put replaces the previous value', async () => {
        await store.settings.put('calendar', { year: 2026, holidays: ['2026-10-01'] }, 'admin', 1);
        await store.settings.put('calendar', [1, 2, 3], 'leader', 2);
        expect(await store.settings.get('calendar')).toEqual([1, 2, 3]);
      });
    });
    describe('layers', () => {
      const version = (layer: string, by = 'admin', bytes = [1, 2, 3]) => ({
        layer, createdAt: 1_790_000_000_000, createdBy: by, sourceName: `${layer}.zip`, featureCount: 231,
        report: { counts: { errors: 0, warnings: 2 }, note: '社区' }, geojsonGz: Uint8Array.from(bytes),
      });

      it('apply stores the next version as the active one and keeps every earlier version', async () => {
        const v1 = await store.layers.apply(version('communities'), 0);
        expect(v1).toEqual({
          layer: 'communities', version: 1, createdAt: 1_790_000_000_000, createdBy: 'admin', sourceName: 'communities.zip',
          featureCount: 231, report: { counts: { errors: 0, warnings: 2 }, note: '社区' }, active: true,
        });
        const v2 = await store.layers.apply(version('communities', 'ann', [9, 8]), 1);
        expect(v2.version).toBe(2);
        expect((await store.layers.list('communities')).map((v) => [v.version, v.active, v.createdBy])).toEqual([[2, true, 'ann'], [1, false, 'admin']]);
        expect(await store.layers.active()).toEqual([{ layer: 'communities', version: 2, geojsonGz: Buffer.from([9, 8]) }]);
        expect(await store.layers.bytes('communities', 1)).toEqual(Buffer.from([1, 2, 3]));
        expect(await store.layers.bytes('communities', 3)).toBeNull();
      });

      it('apply and activate refuse when the active version is not the expected one, and change nothing', async () => {
        await store.layers.apply(version('grid'), 0);
        await expect(store.layers.apply(version('grid'), 0)).rejects.toBeInstanceOf(ConflictError);
        await expect(store.layers.activate('grid', 0, 2)).rejects.toBeInstanceOf(ConflictError);
        await expect(store.layers.activate('grid', 7, 1)).rejects.toBeInstanceOf(ConflictError);
        expect((await store.layers.list('grid')).map((v) => [v.version, v.active])).toEqual([[1, true]]);
      });

      it('activate goes back to an earlier version, or to none (the committed file)', async () => {
        await store.layers.apply(version('streets'), 0);
        await store.layers.apply(version('streets'), 1);
        await store.layers.apply(version('districts'), 0);
        await store.layers.activate('streets', 1, 2);
        expect((await store.layers.list('streets')).map((v) => v.active)).toEqual([false, true]);
        await store.layers.activate('streets', 0, 1);
        expect((await store.layers.list('streets')).every((v) => !v.active)).toBe(true);
        expect((await store.layers.active()).map((a) => a.layer)).toEqual(['districts']);
      });

      it('of concurrent applies expecting the same version exactly one wins', async () => {
        const outcomes = await Promise.allSettled([1, 2, 3, 4].map((i) => store.layers.apply(version('grid', `admin${i}`), 0)));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConflictError);
        const list = await store.layers.list('grid');
        expect(list.map((v) => [v.version, v.active])).toEqual([[1, true]]);
      });
    });
  });
}
