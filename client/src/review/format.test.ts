import { describe, expect, it } from 'vitest';
import { change, chinaMinute, count, hours, pct, points } from './format.ts';

describe('review number formats', () => {
  it('prints rates, hours and counts, with a dash for nothing', () => {
    expect(pct(0.8518)).toBe('85.2%');
    expect(pct(null)).toBe('—');
    expect(hours(102_547_530)).toBe('28.5');
    expect(hours(null)).toBe('—');
    expect(count(20000)).toBe('20,000');
  });

  it('prints changes against the previous period', () => {
    expect(change(1416, 1356)).toBe('+4.4%');
    expect(change(5, 0)).toBe('—');
    expect(points(0.858, 0.838)).toBe('+2.0');
    expect(chinaMinute(Date.parse('2026-03-10T07:30:00Z'))).toBe('03-10 15:30');
  });
});
