import { describe, expect, it } from 'vitest';
import { DaySeries } from './day-series.ts';

// Three days; area 7 has 2, 0, 5 cases; area 9 has 1, 1, 0.
const series = new DaySeries({ firstDay: 1_000, days: 3, totals: [3, 1, 5], triples: [9, 1, 1, 7, 0, 2, 7, 2, 5, 9, 0, 1] });

describe('DaySeries', () => {
  it('gives one day of the window by area, whatever order the triples came in', () => {
    expect([...series.day(0)].sort()).toEqual([[7, 2], [9, 1]]);
    expect([...series.day(1)]).toEqual([[9, 1]]);
    expect([...series.day(2)]).toEqual([[7, 5]]);
    expect(series.day(3).size).toBe(0);
  });

  it('gives running totals up to a day', () => {
    expect(Object.fromEntries(series.upTo(1))).toEqual({ 7: 2, 9: 2 });
    expect(Object.fromEntries(series.frame(2, 'cumulative'))).toEqual({ 7: 7, 9: 2 });
    expect(series.total(1, 'cumulative')).toBe(4);
    expect(series.total(2, 'day')).toBe(5);
  });

  it('keeps one scale top for the whole playback', () => {
    expect(series.maxFor('day')).toBe(5);
    expect(series.maxFor('cumulative')).toBe(7);
    expect(series.dayStart(2)).toBe(1_000 + 2 * 86_400_000);
  });
});
