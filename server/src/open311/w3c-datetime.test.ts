import { describe, expect, it } from 'vitest';
import { formatCst, parseW3cDatetime } from './w3c-datetime.ts';

describe('W3C date-times', () => {
  it('reads the spec\'s own examples and every W3C granularity', () => {
    expect(parseW3cDatetime('1994-11-05T08:15:30-05:00')).toBe(Date.parse('1994-11-05T13:15:30Z'));
    expect(parseW3cDatetime('1994-11-05T13:15:30Z')).toBe(Date.parse('1994-11-05T13:15:30Z'));
    expect(parseW3cDatetime('2010-05-24T00:00:00Z')).toBe(Date.UTC(2010, 4, 24));
    expect(parseW3cDatetime('2026-11-27T18:09+08:00')).toBe(Date.parse('2026-11-27T10:09:00Z'));
    expect(parseW3cDatetime('2026-11-27T18:09:51.25+08:00')).toBe(Date.parse('2026-11-27T10:09:51.250Z'));
    // Bare dates start at midnight in China.
    expect(parseW3cDatetime('2026-11-27')).toBe(Date.parse('2026-11-26T16:00:00Z'));
    expect(parseW3cDatetime('2026-11')).toBe(Date.parse('2026-10-31T16:00:00Z'));
    expect(parseW3cDatetime('2026')).toBe(Date.parse('2025-12-31T16:00:00Z'));
  });

  it('refuses what is not a W3C date-time or not a real date', () => {
    for (const bad of ['', 'yesterday', '2026-11-27T18:09:51', '2026-11-27 18:09:51Z', '2026-02-30', '2026-13-01', '2026-11-27T24:00:00Z',
      '2026-11-27T18:60:00Z', '2026-11-27T18:09:51+25:00', '1669543791', '2026-11-27T18:09:51.Z']) {
      expect(parseW3cDatetime(bad), bad).toBeNull();
    }
  });

  it('writes instants in China Standard Time with the +08:00 offset, and reads them back', () => {
    const ms = Date.parse('2026-11-27T16:30:05Z');
    expect(formatCst(ms)).toBe('2026-11-28T00:30:05+08:00');
    expect(parseW3cDatetime(formatCst(ms))).toBe(ms);
  });
});
