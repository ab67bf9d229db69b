import { describe, expect, it } from 'vitest';
import { CASE_CATEGORY_BY_CODE, type CaseCategory } from './taxonomy.ts';
import { addLimitHours, deadlineFor, formatRemaining, remainingMs } from './time-limit.ts';
import { DEFAULT_CALENDAR } from './work-calendar.ts';

const H = 3_600_000;
const M = 60_000;
const cst = (s: string): number => Date.parse(`${s.replace(' ', 'T')}+08:00`);
const cal = DEFAULT_CALENDAR;
const category = (code: string): CaseCategory => {
  const c = CASE_CATEGORY_BY_CODE.get(code);
  if (!c) throw new Error(`no category ${code}`);
  return c;
};

describe('deadlineFor', () => {
  it('counts working hours for ordinary categories (道路不洁, 4h)', () => {
    expect(category('street_dirty')).toMatchObject({ limitHours: 4, urgent: false });
    expect(deadlineFor(category('street_dirty'), cst('2026-01-05 10:00'), cal)).toBe(cst('2026-01-05 16:30'));
    // Reported on a Friday evening: the clock starts Monday morning and runs past lunch.
    expect(deadlineFor(category('street_dirty'), cst('2026-01-09 19:00'), cal)).toBe(cst('2026-01-12 15:00'));
    // 24 working hours over 国庆: Sep 30, Oct 8, Oct 9, then 3 h on the 调休 Saturday.
    expect(deadlineFor(category('road_damage'), cst('2026-09-30 08:30'), cal)).toBe(cst('2026-10-10 11:30'));
  });

  it('counts calendar hours for urgent categories (交通秩序混乱, 1h), nights and holidays included', () => {
    expect(category('traffic_order')).toMatchObject({ limitHours: 1, urgent: true });
    expect(deadlineFor(category('traffic_order'), cst('2026-01-10 23:30'), cal)).toBe(cst('2026-01-11 00:30'));
    expect(deadlineFor(category('noise'), cst('2026-10-01 12:10'), cal)).toBe(cst('2026-10-01 14:10'));
  });

  it('takes any limit, not just a catalogue category', () => {
    expect(deadlineFor({ limitHours: 0.5, urgent: false }, cst('2026-01-05 11:45'), cal)).toBe(cst('2026-01-05 14:45'));
    expect(deadlineFor({ limitHours: 0, urgent: true }, 123, cal)).toBe(123);
  });
});

describe('addLimitHours', () => {
  it('adds wall-clock or working hours', () => {
    expect(addLimitHours(cst('2026-01-05 17:00'), 2, true, cal)).toBe(cst('2026-01-05 19:00'));
    expect(addLimitHours(cst('2026-01-05 17:00'), 2, false, cal)).toBe(cst('2026-01-06 09:30'));
  });

  it('refuses negative or non-finite hours on either clock', () => {
    expect(() => addLimitHours(0, -1, true, cal)).toThrow(RangeError);
    expect(() => addLimitHours(0, Number.POSITIVE_INFINITY, true, cal)).toThrow(RangeError);
    expect(() => addLimitHours(Number.NaN, 1, true, cal)).toThrow(RangeError);
    expect(() => addLimitHours(0, -1, false, cal)).toThrow(RangeError);
  });
});

describe('remainingMs', () => {
  it('counts the wall clock for urgent limits', () => {
    expect(remainingMs(cst('2026-01-10 02:00'), cst('2026-01-09 23:45'), true, cal)).toBe(2 * H + 15 * M);
    expect(remainingMs(cst('2026-01-10 02:00'), cst('2026-01-10 02:35'), true, cal)).toBe(-35 * M);
  });

  it('counts working time for other limits, so nights and weekends do not eat the limit', () => {
    // Deadline Monday 10:00, seen on Friday at 17:30: half an hour Friday, 1.5 h Monday.
    expect(remainingMs(cst('2026-01-12 10:00'), cst('2026-01-09 17:30'), false, cal)).toBe(2 * H);
    // Deadline Friday 17:00, seen Monday 09:00: overdue by 1 h Friday and 30 min Monday.
    expect(remainingMs(cst('2026-01-09 17:00'), cst('2026-01-12 09:00'), false, cal)).toBe(-1.5 * H);
    // At the deadline, and over lunch after a 12:00 deadline, nothing is left.
    expect(remainingMs(cst('2026-01-05 12:00'), cst('2026-01-05 12:00'), false, cal)).toBe(0);
    expect(remainingMs(cst('2026-01-05 12:00'), cst('2026-01-05 13:00'), false, cal)).toBe(0);
  });
});

describe('formatRemaining', () => {
  it.each([
    [2 * H + 15 * M, '剩余 2小时15分', '2h 15m left'],
    [2 * H, '剩余 2小时', '2h left'],
    [15 * M, '剩余 15分', '15m left'],
    [26 * H + 5 * M, '剩余 26小时5分', '26h 5m left'],
    [1, '剩余 1分', '1m left'], // less than a minute left still shows a minute
    [60 * M + 1, '剩余 1小时1分', '1h 1m left'],
    [0, '超时 0分', '0m overdue'], // the deadline itself is late
    [-59_999, '超时 0分', '0m overdue'],
    [-35 * M, '超时 35分', '35m overdue'],
    [-(3 * H + 35 * M + 59_000), '超时 3小时35分', '3h 35m overdue'],
    [-5 * H, '超时 5小时', '5h overdue'],
  ])('%d ms → %s / %s', (ms, zh, en) => {
    expect(formatRemaining(ms, 'zh')).toBe(zh);
    expect(formatRemaining(ms, 'en')).toBe(en);
  });

  it('refuses a non-finite duration', () => {
    expect(() => formatRemaining(Number.NaN, 'zh')).toThrow(RangeError);
  });
});
