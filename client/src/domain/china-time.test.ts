import { describe, expect, it } from 'vitest';
import { chinaClock, daysUntil } from './china-time.ts';

describe('china time', () => {
  it('formats the clock in UTC+8 whatever the machine zone', () => {
    // 2020-09-01T16:30:05Z is 00:30:05 on 2 September in Zhumadian.
    const c = chinaClock(Date.UTC(2020, 8, 1, 16, 30, 5));
    expect(c).toEqual({ date: '2020-09-02', time: '00:30:05', weekday: 3 });
  });

  it('counts calendar days in China, not 24-hour blocks', () => {
    const assessment = Date.UTC(2020, 8, 15, 1, 0); // 15 Sep 09:00 CST
    expect(daysUntil(assessment, Date.UTC(2020, 8, 14, 15, 59))).toBe(1); // 14 Sep 23:59 CST
    expect(daysUntil(assessment, Date.UTC(2020, 8, 14, 16, 1))).toBe(0); // 15 Sep 00:01 CST
    expect(daysUntil(assessment, Date.UTC(2020, 8, 16, 16, 1))).toBe(-2);
  });
});
