import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR, PRC_HOLIDAYS_2026, PRC_WORKDAYS_2026, addWorkingHours, createWorkCalendar,
  isWorkingDay, isWorkingTime, workingMsBetween,
} from './work-calendar.ts';

const H = 3_600_000;
const M = 60_000;
/** An instant given as CST wall time, 'YYYY-MM-DD HH:MM[:SS.sss]'. */
const cst = (s: string): number => Date.parse(`${s.replace(' ', 'T')}+08:00`);
const cal = DEFAULT_CALENDAR;

describe('DEFAULT_CALENDAR (2026)', () => {
  it('has the notice\'s make-up working days, all on weekends', () => {
    expect(PRC_WORKDAYS_2026).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const d of PRC_WORKDAYS_2026) {
      expect([0, 6], d).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
      expect(isWorkingDay(d, cal), d).toBe(true);
    }
  });

  it('has 33 holiday dates, 19 of them weekdays, none worked', () => {
    expect(PRC_HOLIDAYS_2026).toHaveLength(33);
    const weekdays = PRC_HOLIDAYS_2026.filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    expect(weekdays).toHaveLength(19);
    for (const d of PRC_HOLIDAYS_2026) expect(isWorkingDay(d, cal), d).toBe(false);
  });

  it('makes 2026 a year of 248 working days', () => {
    let n = 0;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      if (isWorkingDay(new Date(t).toISOString().slice(0, 10), cal)) n++;
    }
    expect(n).toBe(248);
  });

  it('knows ordinary weekdays and weekends', () => {
    expect(isWorkingDay('2026-01-05', cal)).toBe(true); // Monday
    expect(isWorkingDay('2026-01-10', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-01-11', cal)).toBe(false); // Sunday
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // Monday in 春节
    expect(isWorkingDay('2026-02-24', cal)).toBe(true); // first Tuesday after 春节
  });
});

describe('isWorkingTime', () => {
  it.each([
    ['2026-01-05 08:29:59.999', false],
    ['2026-01-05 08:30', true],
    ['2026-01-05 11:59:59.999', true],
    ['2026-01-05 12:00', false], // lunch break
    ['2026-01-05 14:29:59.999', false],
    ['2026-01-05 14:30', true],
    ['2026-01-05 17:59:59.999', true],
    ['2026-01-05 18:00', false],
    ['2026-01-05 00:00', false],
    ['2026-01-10 10:00', false], // Saturday
    ['2026-10-02 10:00', false], // 国庆 Friday
    ['2026-09-20 10:00', true], // 调休 Sunday
  ])('%s CST → %s', (at, expected) => {
    expect(isWorkingTime(cst(at), cal)).toBe(expected);
  });

  it('reads the hour in CST, not UTC: 00:30Z is 08:30 in Zhumadian', () => {
    expect(isWorkingTime(Date.UTC(2026, 0, 5, 0, 30), cal)).toBe(true);
    expect(isWorkingTime(Date.UTC(2026, 0, 4, 23, 59), cal)).toBe(false); // Monday 07:59 CST
  });
});

describe('addWorkingHours', () => {
  it.each([
    ['inside a period', '2026-01-05 09:00', 2, '2026-01-05 11:00'],
    ['over the lunch break', '2026-01-05 11:00', 2, '2026-01-05 15:30'],
    ['to the end of the morning, not past lunch', '2026-01-05 08:30', 3.5, '2026-01-05 12:00'],
    ['to the end of the day, not the next morning', '2026-01-05 08:30', 7, '2026-01-05 18:00'],
    ['into the next day', '2026-01-05 08:30', 7.5, '2026-01-06 09:00'],
    ['over a weekend', '2026-01-09 17:00', 4, '2026-01-12 11:30'],
    ['from a Saturday', '2026-01-10 10:00', 1, '2026-01-12 09:30'],
    ['from lunch', '2026-01-05 12:30', 1, '2026-01-05 15:30'],
    ['from before work', '2026-01-05 06:00', 1, '2026-01-05 09:30'],
    ['from after work', '2026-01-05 20:00', 1, '2026-01-06 09:30'],
    ['over 国庆', '2026-09-30 17:00', 4, '2026-10-08 11:30'],
    ['onto a 调休 Saturday', '2026-10-09 17:00', 2, '2026-10-10 09:30'],
    ['onto the 调休 day before 春节', '2026-02-13 17:00', 2, '2026-02-14 09:30'],
    ['over 春节', '2026-02-14 17:00', 2, '2026-02-24 09:30'],
    ['for three days and more', '2026-01-05 08:30', 24, '2026-01-08 11:30'],
    ['by minutes', '2026-01-05 11:50', 0.25, '2026-01-05 14:35'],
  ])('%s', (_, start, hours, deadline) => {
    expect(addWorkingHours(cst(start), hours, cal)).toBe(cst(deadline));
  });

  it('returns the start itself for zero hours, even off hours', () => {
    expect(addWorkingHours(cst('2026-01-10 03:07'), 0, cal)).toBe(cst('2026-01-10 03:07'));
  });

  it('refuses negative or non-finite input', () => {
    expect(() => addWorkingHours(cst('2026-01-05 09:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingHours(cst('2026-01-05 09:00'), Number.NaN, cal)).toThrow(RangeError);
    expect(() => addWorkingHours(Number.NaN, 1, cal)).toThrow(RangeError);
  });

  it('follows a custom calendar', () => {
    const c = createWorkCalendar({ hours: [['09:00', '17:00']], holidays: ['2026-01-12'], workdays: ['2026-01-11'] });
    expect(addWorkingHours(cst('2026-01-09 16:00'), 2, c)).toBe(cst('2026-01-11 10:00'));
    expect(addWorkingHours(cst('2026-01-11 16:00'), 2, c)).toBe(cst('2026-01-13 10:00'));
  });

  it('does not depend on the machine timezone', () => {
    const before = addWorkingHours(cst('2026-01-09 17:00'), 4, cal);
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(addWorkingHours(cst('2026-01-09 17:00'), 4, cal)).toBe(before);
      expect(isWorkingTime(cst('2026-01-05 08:30'), cal)).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('workingMsBetween', () => {
  it.each([
    ['inside a period', '2026-01-05 09:00', '2026-01-05 11:00', 2 * H],
    ['over lunch', '2026-01-05 11:00', '2026-01-05 15:00', 1.5 * H],
    ['over a weekend', '2026-01-09 17:00', '2026-01-12 09:30', 2 * H],
    ['within a weekend', '2026-01-10 08:00', '2026-01-11 20:00', 0],
    ['within lunch', '2026-01-05 12:10', '2026-01-05 14:20', 0],
    ['over 国庆', '2026-09-30 08:30', '2026-10-09 08:30', 14 * H],
    ['one full working day', '2026-01-05 00:00', '2026-01-06 00:00', 7 * H],
    ['a minute before close', '2026-01-05 17:59', '2026-01-05 23:00', 1 * M],
  ])('%s', (_, a, b, expected) => {
    expect(workingMsBetween(cst(a), cst(b), cal)).toBe(expected);
  });

  it('is negative when the end comes first', () => {
    expect(workingMsBetween(cst('2026-01-12 09:30'), cst('2026-01-09 17:00'), cal)).toBe(-2 * H);
    expect(workingMsBetween(cst('2026-01-11 09:30'), cst('2026-01-10 17:00'), cal)).toBe(0);
  });

  it('inverts addWorkingHours', () => {
    let start = cst('2026-01-01 00:00');
    for (let i = 0; i < 200; i++) {
      start += 7_919 * M + 13_001; // walks through a year at odd offsets
      const hours = (i % 49) / 2;
      const end = addWorkingHours(start, hours, cal);
      expect(workingMsBetween(start, end, cal), new Date(start).toISOString()).toBe(hours * H);
    }
  });
});

describe('createWorkCalendar', () => {
  it('defaults to 08:30–12:00 and 14:30–18:00 with no holidays', () => {
    const c = createWorkCalendar();
    expect(c.periods).toEqual([[8.5 * H, 12 * H], [14.5 * H, 18 * H]]);
    expect(c.holidays.size).toBe(0);
    expect(isWorkingDay('2026-01-01', c)).toBe(true);
  });

  it.each([
    [{ hours: [] }, 'a work calendar needs at least one working period'],
    [{ hours: [['8:30', '12:00']] }, "bad time of day '8:30', want HH:MM"],
    [{ hours: [['08:30', '24:30']] }, "bad time of day '24:30', want HH:MM"],
    [{ hours: [['12:00', '12:00']] }, 'working periods must be non-empty, in order and not overlapping'],
    [{ hours: [['08:00', '12:00'], ['11:00', '13:00']] }, 'working periods must be non-empty, in order and not overlapping'],
    [{ holidays: ['2026-02-30'] }, "bad date '2026-02-30', want YYYY-MM-DD"],
    [{ workdays: ['2026/01/04'] }, "bad date '2026/01/04', want YYYY-MM-DD"],
    [{ holidays: ['2026-01-04'], workdays: ['2026-01-04'] }, '2026-01-04 is listed both as a holiday and as a working day'],
  ] as const)('rejects %j', (opts, message) => {
    expect(() => createWorkCalendar(opts)).toThrow(message);
  });

  it('allows a period ending at midnight', () => {
    const c = createWorkCalendar({ hours: [['20:00', '24:00']] });
    expect(addWorkingHours(cst('2026-01-05 23:00'), 2, c)).toBe(cst('2026-01-06 21:00'));
  });
});
