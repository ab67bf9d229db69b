import { describe, expect, it } from 'vitest';
import { decodeUtf8, refusal } from './strict-input.ts';

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
  });
});
