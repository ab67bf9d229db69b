import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '@cw/shared/domain/work-calendar';
import { makeCase } from '../test/fixtures.ts';
import { caseClock } from './case-clock.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
// 2026-03-10 (a Tuesday) 10:00 in China.
const NOW = Date.parse('2026-03-10T10:00:00+08:00');
const cal = createWorkCalendar();

describe('caseClock', () => {
  it('counts an urgent case down on the wall clock, rounding minutes left up', () => {
    const c = makeCase({ deadlineAt: NOW + 90 * MIN + 1 });
    expect(caseClock(c, true, NOW, 'zh-CN', cal)).toMatchObject({ text: '剩余 1小时31分', late: false, soon: false });
    expect(caseClock(c, true, NOW, 'en', cal).text).toBe('1h 31m left');
    expect(caseClock(makeCase({ deadlineAt: NOW + 59 * MIN }), true, NOW, 'zh-CN', cal)).toMatchObject({ soon: true, text: '剩余 59分' });
  });

  it('counts a normal case in working hours only: the lunch break does not count', () => {
    // 11:00 → 15:30 on the wall clock is 1 h (11–12) + 1 h (14:30–15:30) of working time.
    const c = makeCase({ deadlineAt: Date.parse('2026-03-10T15:30:00+08:00') });
    expect(caseClock(c, false, Date.parse('2026-03-10T11:00:00+08:00'), 'zh-CN', cal).text).toBe('剩余 2小时');
  });

  it('shows time overdue once the deadline has passed, and trusts the server overdue flag', () => {
    const late = caseClock(makeCase({ deadlineAt: NOW - 35 * MIN }), true, NOW, 'zh-CN', cal);
    expect(late).toMatchObject({ text: '超时 35分', late: true });
    expect(caseClock(makeCase({ deadlineAt: NOW + 10 * HOUR, overdue: true }), true, NOW, 'en', cal).late).toBe(true);
  });

  it('counts a deferred case down to its promised date', () => {
    const c = makeCase({ state: 'deferred', deadlineAt: NOW - MIN, deferredUntil: NOW + 30 * MIN });
    expect(caseClock(c, true, NOW, 'zh-CN', cal)).toMatchObject({ text: '剩余 30分', late: false });
  });
});
