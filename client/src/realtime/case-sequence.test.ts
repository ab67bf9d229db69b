import { describe, expect, it } from 'vitest';
import { isNewer, judgeEvent } from './case-sequence.ts';

describe('judgeEvent', () => {
  it('waits for the case list before applying anything', () => {
    expect(judgeEvent(null, 1)).toBe('not-ready');
  });
  it('applies the next seq, ignores repeats, flags gaps', () => {
    expect(judgeEvent(10, 11)).toBe('apply');
    expect(judgeEvent(10, 10)).toBe('duplicate');
    expect(judgeEvent(10, 3)).toBe('duplicate');
    expect(judgeEvent(10, 13)).toBe('gap');
    expect(judgeEvent(0, 1)).toBe('apply');
  });
});

describe('isNewer', () => {
  it('keeps the higher version', () => {
    expect(isNewer({ version: 3 }, undefined)).toBe(true);
    expect(isNewer({ version: 3 }, { version: 2 })).toBe(true);
    expect(isNewer({ version: 2 }, { version: 3 })).toBe(false);
  });
});
