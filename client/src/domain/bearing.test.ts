import { describe, expect, it } from 'vitest';
import { bearingDeg, compassPoint, distanceM, formatDistance } from './bearing.ts';

const centre = { lon: 114.02, lat: 32.98 };

describe('bearing and distance', () => {
  it('measures great-circle distance (0.001° of latitude is ~111 m)', () => {
    expect(distanceM(centre, { lon: 114.02, lat: 32.981 })).toBeCloseTo(111.2, 0);
    expect(distanceM(centre, centre)).toBe(0);
  });

  it('gives compass bearings clockwise from north', () => {
    expect(bearingDeg(centre, { lon: 114.02, lat: 33 })).toBeCloseTo(0, 3);
    expect(bearingDeg(centre, { lon: 114.03, lat: 32.98 })).toBeCloseTo(90, 0);
    expect(bearingDeg(centre, { lon: 114.02, lat: 32.97 })).toBeCloseTo(180, 3);
    expect(bearingDeg(centre, { lon: 114.01, lat: 32.98 })).toBeCloseTo(270, 0);
  });

  it('names compass points and distances in both languages', () => {
    expect(compassPoint(44, 'zh')).toBe('东北');
    expect(compassPoint(359, 'en')).toBe('N');
    expect(compassPoint(200, 'en')).toBe('S');
    expect(formatDistance(86.4, 'zh')).toBe('86 米');
    expect(formatDistance(1530, 'en')).toBe('1.5 km');
  });
});
