import { describe, expect, it } from 'vitest';
import { distanceToLineM, dutyNow, roadSectionsFrom, sampleShifts, shiftRunning, validateShifts, type RoadShift } from './road-duty.ts';

const sections = roadSectionsFrom([
  { properties: { id: 'RS001', name: '雪松路', unit: '市城管局', street: '411702011' }, geometry: { type: 'LineString', coordinates: [[114.0, 33.0], [114.01, 33.0]] } },
  { properties: { id: 'RS002', name: '文化路', unit: '市公安局', street: '411702007' }, geometry: { type: 'LineString', coordinates: [[114.0, 32.99], [114.0, 32.98]] } },
]);
// Wednesday 2026-06-03 07:30 CST.
const WED_0730 = Date.parse('2026-06-03T07:30:00+08:00');

describe('red-vest shift duty', () => {
  it('measures distance to a section line in metres', () => {
    const line = sections[0]!.line;
    expect(distanceToLineM(114.005, 33.0009, line)).toBeCloseTo(99.5, 0); // 0.0009° of latitude ≈ 99.5 m
    expect(distanceToLineM(114.005, 33.0, line)).toBeCloseTo(0, 5);
    // Past the end: distance to the end vertex.
    expect(distanceToLineM(114.011, 33.0, line)).toBeCloseTo(93.4, 0);
  });

  it('knows which shifts run now, by CST weekday and minute', () => {
    const s: RoadShift = { section: 'RS001', weekdays: [3], start: '07:00', end: '09:00', team: 't', staff: 2 };
    expect(shiftRunning(s, WED_0730)).toBe(true);
    expect(shiftRunning(s, WED_0730 + 90 * 60_000)).toBe(false); // 09:00 is the end, exclusive
    expect(shiftRunning(s, WED_0730 + 86400_000)).toBe(false); // Thursday
    expect(shiftRunning(s, WED_0730 - 31 * 60_000)).toBe(false); // 06:59
  });

  it('flags sections with a running shift and nobody within 100 m', () => {
    const shifts = sampleShifts(sections);
    const duty = dutyNow(sections, shifts, [
      { id: 'P1', name: '甲', unit: '市城管局', lon: 114.005, lat: 33.0005 },
      { id: 'P2', name: '乙', unit: '市公安局', lon: 114.003, lat: 32.985 }, // ≈ 280 m east of RS002
    ], WED_0730);
    expect(duty.map((d) => [d.section, d.shifts.length, d.present.map((p) => p.id), d.uncovered])).toEqual([
      ['RS001', 1, ['P1'], false],
      ['RS002', 1, [], true],
    ]);
    const night = dutyNow(sections, shifts, [], WED_0730 + 14 * 3600_000);
    expect(night.every((d) => !d.uncovered && d.shifts.length === 0)).toBe(true);
  });

  it('refuses schedules naming unknown sections or impossible times', () => {
    const ok: RoadShift = { section: 'RS001', weekdays: [1, 2], start: '07:00', end: '09:00', team: 't', staff: 1 };
    expect(() => validateShifts([ok], sections)).not.toThrow();
    expect(() => validateShifts([{ ...ok, section: 'RS999' }], sections)).toThrow(/no road section/);
    expect(() => validateShifts([{ ...ok, start: '09:00', end: '07:00' }], sections)).toThrow(/not before/);
    expect(() => validateShifts([{ ...ok, start: '25:00' }], sections)).toThrow(/bad time/);
    expect(() => validateShifts([{ ...ok, weekdays: [1, 1] }], sections)).toThrow(/repeated/);
  });
});
