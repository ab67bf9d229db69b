import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '@cw/shared/domain/work-calendar';
import { mulberry32 } from '../simulator/random.ts';
import { cstDay, cstDayStart } from '../review/days.ts';
import { campaignBoost, campaignsFor, dailyCounts, dayWeight, isoDate, timeInDay, weekdayOf } from './rhythm.ts';

const day = (iso: string) => cstDay(Date.parse(`${iso}T12:00:00+08:00`));

describe('history rhythms', () => {
  it('spreads exactly the requested total by weight', () => {
    expect(dailyCounts(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(dailyCounts(7, [0, 2, 5])).toEqual([0, 2, 5]);
    const counts = dailyCounts(1_000_000, Array.from({ length: 365 }, (_, i) => 1 + (i % 7)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1_000_000);
  });

  it('knows CST weekdays and dates', () => {
    expect(weekdayOf(day('2026-06-01'))).toBe(1);
    expect(weekdayOf(day('2026-06-07'))).toBe(7);
    expect(isoDate(day('2026-06-07'))).toBe('2026-06-07');
  });

  it('makes weekends and holidays quieter and campaigns busier', () => {
    const campaigns = campaignsFor(day('2026-01-01'), day('2026-12-31'), '09-01');
    expect(campaigns.map((c) => [isoDate(c.firstDay), isoDate(c.lastDay), c.boost])).toEqual([
      ['2026-07-18', '2026-08-31', 1.6], ['2026-03-01', '2026-03-21', 1.25],
    ]);
    const w = (iso: string) => dayWeight(day(iso), DEFAULT_CALENDAR, campaigns);
    expect(w('2026-06-13')).toBeLessThan(w('2026-06-10')); // Saturday < Wednesday
    expect(w('2026-10-02')).toBeLessThan(w('2026-10-14')); // National Day holiday
    expect(w('2026-08-12')).toBeGreaterThan(1.5 * w('2026-09-16')); // pre-assessment push
    expect(campaignBoost(day('2026-09-01'), campaigns)).toBe(1);
  });

  it('puts school-gate problems at the gate hours and keeps every time inside its day', () => {
    const rand = mulberry32(1);
    const d = day('2026-06-10');
    const hours = Array.from({ length: 5000 }, () => {
      const t = timeInDay(d, 'school', rand);
      expect(t).toBeGreaterThanOrEqual(cstDayStart(d));
      expect(t).toBeLessThan(cstDayStart(d + 1));
      return Math.floor((t - cstDayStart(d)) / 3_600_000);
    });
    const gate = hours.filter((h) => h === 7 || h === 8 || h === 16 || h === 17).length / hours.length;
    expect(gate).toBeGreaterThan(0.6);
    expect(hours.filter((h) => h < 5).length).toBe(0);
  });
});
