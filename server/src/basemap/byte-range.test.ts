import { describe, expect, it } from 'vitest';
import { answerRange } from './byte-range.ts';

describe('answerRange', () => {
  it('serves one range, clamped to the file, open-ended and suffix ranges too', () => {
    expect(answerRange('bytes=0-99', 1000)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(answerRange('bytes=0-16383', 1000)).toEqual({ kind: 'part', start: 0, end: 999 });
    expect(answerRange('bytes=900-', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(answerRange('bytes=-10', 1000)).toEqual({ kind: 'part', start: 990, end: 999 });
    expect(answerRange('bytes=-5000', 1000)).toEqual({ kind: 'part', start: 0, end: 999 });
    expect(answerRange('bytes=999-999', 1000)).toEqual({ kind: 'part', start: 999, end: 999 });
  });

  it('refuses ranges that start past the end or are malformed', () => {
    for (const h of ['bytes=1000-', 'bytes=1000-2000', 'bytes=5-1', 'bytes=abc', 'bytes=-', 'bytes=', 'bytes=-0', 'bytes=1-2-3', 'bytes=99999999999999999999-']) {
      expect(answerRange(h, 1000), h).toEqual({ kind: 'unsatisfiable' });
    }
    expect(answerRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('sends the whole file without a range, for another unit, and for several ranges', () => {
    expect(answerRange(undefined, 1000)).toEqual({ kind: 'whole' });
    expect(answerRange('items=0-5', 1000)).toEqual({ kind: 'whole' });
    expect(answerRange('bytes=0-1, 5-9', 1000)).toEqual({ kind: 'whole' });
    expect(answerRange('bytes=0-1, x', 1000)).toEqual({ kind: 'unsatisfiable' });
  });
});
