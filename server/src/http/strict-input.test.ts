import { describe, expect, it } from 'vitest';
import { decodeUtf8, refusal } from './strict-input.ts';
import { buildTestApp } from '../test/build-test-app.ts';

describe('strict input', () => {
  it('decodes UTF-8 and refuses anything else', () => {
    expect(decodeUtf8(Buffer.from('路边垃圾 ok', 'utf8'))).toBe('路边垃圾 ok');
    for (const bad of [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80]]) {
      expect(() => decodeUtf8(Buffer.from(bad))).toThrow(/not valid UTF-8/);
    }
  });

  it('finds a NUL in any string or key, however deep, and refuses deep nesting', () => {
    expect(refusal({ a: ['x', { b: 'fine' }], n: 1, z: null })).toBeNull();
    expect(refusal({ a: ['x', { b: 'bad\u0000' }] })?.code).toBe('nul_character');
    expect(refusal({ ['k\u0000']: 1 })?.code).toBe('nul_character');
    expect(refusal('\u0000')?.code).toBe('nul_character');
    let deep: unknown = 'leaf';
    for (let k = 0; k < 100_000; k++) deep = [deep];
    expect(refusal(deep)?.code).toBe('too_deep');
    let ok: unknown = 'leaf';
    for (let k = 0; k < 60; k++) ok = { k: ok };
    expect(refusal(ok)).toBeNull();
    expect(refusal({ until: Number.NEGATIVE_INFINITY })?.code).toBe('not_finite');
    expect(refusal([1, 2.5, -3])).toBeNull();
  });

  it('leaves a raw binary body (an uploaded layer file) alone, NUL bytes and all, without walking its bytes', () => {
    expect(refusal(Buffer.alloc(50_000_000))).toBeNull();
    expect(refusal(new Uint8Array([0, 0, 0]))).toBeNull();
  });
});

describe('strict input on the app', () => {
  it('refuses numbers Ajv would coerce from "Infinity" or "1e999", and NUL in a login', async () => {
    const t = await buildTestApp();
    try {
      const auth = { authorization: `Bearer ${await t.login('dispatcher')}` };
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth, payload: { category: 'street_dirty', lon: 114.02, lat: 32.98 } });
      const id = (created.json() as { id: string }).id;
      for (const until of ['-Infinity', 'Infinity', '1e999']) {
        const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/transitions`, headers: auth, payload: { action: 'reject', reason: 'x', until } });
        expect([res.statusCode, (res.json() as { error: string }).error], until).toEqual([400, 'not_finite']);
      }
      const huge = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/transitions`, headers: { ...auth, 'content-type': 'application/json' }, payload: '{"action":"reject","until":1e999}' });
      expect(huge.statusCode).toBe(400);
      expect((await t.app.inject({ url: `/api/v1/cases/${id}`, headers: auth })).json()).toMatchObject({ state: 'reported' });
      const nul = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin\u0000', password: 'zmd-demo' } });
      expect([nul.statusCode, (nul.json() as { error: string }).error]).toEqual([400, 'nul_character']);
    } finally {
      await t.close();
    }
  });
});
