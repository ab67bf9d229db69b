import { describe, expect, it } from 'vitest';
import { parseOsmandJson, parseOsmandQuery, parseTimestamp } from './osmand-parse.ts';

const NOW = Date.parse('2026-11-27T08:00:00Z');

describe('OsmAnd query form', () => {
  it('parses the parameters Traccar Client sends', () => {
    const r = parseOsmandQuery({ id: 'zmd-0007', lat: '32.98', lon: '114.02', timestamp: '1795766400', speed: '10', bearing: '90.5', altitude: '80', accuracy: '5', batt: '77' }, NOW);
    expect(r).toEqual({ ok: true, report: { deviceId: 'zmd-0007', lat: 32.98, lon: 114.02, time: 1795766400000, speed: 10 * 0.514444, heading: 90.5, altitude: 80, accuracy: 5, battery: 77 } });
  });
  it('accepts deviceid, location=lat,lon, ms and ISO timestamps, heading and hdop', () => {
    const r = parseOsmandQuery({ deviceid: 'a1', location: '32.9,114.1', timestamp: '1795766400123', heading: '-90', hdop: '1.2' }, NOW);
    expect(r.ok && r.report).toMatchObject({ deviceId: 'a1', lat: 32.9, lon: 114.1, time: 1795766400123, heading: 270, accuracy: 1.2 });
    const iso = parseOsmandQuery({ id: 'a1', lat: '1', lon: '2', timestamp: '2026-11-27T07:59:00Z' }, NOW);
    expect(iso.ok && iso.report.time).toBe(Date.parse('2026-11-27T07:59:00Z'));
  });
  it('uses the arrival time when no timestamp is sent', () => {
    const r = parseOsmandQuery({ id: 'a', lat: '1', lon: '2' }, NOW);
    expect(r.ok && r.report.time).toBe(NOW);
  });
  it.each([
    [{ lat: '1', lon: '2' }, 'missing device id'],
    [{ id: 'a' }, 'missing coordinates'],
    [{ id: 'a', lat: 'NaN', lon: '2' }, 'coordinates are not numbers'],
    [{ id: 'a', lat: 'abc', lon: '2' }, 'coordinates are not numbers'],
    [{ id: 'a', lat: 'Infinity', lon: '2' }, 'coordinates are not numbers'],
    [{ id: 'a', lat: '91', lon: '2' }, 'coordinates out of range'],
    [{ id: 'a', lat: '1', lon: '-181' }, 'coordinates out of range'],
    [{ id: 'a', lat: '1', lon: '2', timestamp: 'yesterday-ish' }, 'unparsable timestamp'],
    [{ id: 'a', lat: '1', lon: '2', timestamp: String((NOW + 3600_000) / 1000) }, 'timestamp is in the future'],
    [{ id: 'a', lat: '1', lon: '2', speed: 'fast' }, 'speed is not a number'],
    [{ id: 'a', lat: '1', lon: '2', speed: '1000' }, 'speed out of range'],
    [{ id: '<script>', lat: '1', lon: '2' }, 'device id must be'],
    [{ id: 'x'.repeat(65), lat: '1', lon: '2' }, 'device id must be'],
  ])('refuses %j', (q, reason) => {
    const r = parseOsmandQuery(q, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});

describe('Traccar Client JSON form', () => {
  const body = {
    device_id: 'phone-12',
    location: {
      timestamp: '2026-11-27T07:58:30.000Z',
      coords: { latitude: 32.97, longitude: 114.03, speed: 1.5, heading: 45, accuracy: 8, altitude: 75 },
      battery: { level: 0.62, is_charging: false },
      is_moving: true,
    },
  };
  it('parses coords (m/s) and battery level (0–1)', () => {
    const r = parseOsmandJson(body, NOW);
    expect(r).toEqual({ ok: true, report: { deviceId: 'phone-12', lat: 32.97, lon: 114.03, time: Date.parse('2026-11-27T07:58:30Z'), speed: 1.5, heading: 45, accuracy: 8, altitude: 75, battery: 62 } });
  });
  it('treats -1 speed and heading as unknown', () => {
    const r = parseOsmandJson({ ...body, location: { ...body.location, coords: { ...body.location.coords, speed: -1, heading: -1 } } }, NOW);
    expect(r.ok && [r.report.speed, r.report.heading]).toEqual([0, 0]);
  });
  it.each([
    [null, 'body must be a JSON object'],
    [[1, 2], 'body must be a JSON object'],
    [{ device_id: 'a' }, 'missing location'],
    [{ device_id: 'a', location: {} }, 'missing location.coords'],
    [{ device_id: 'a', location: { coords: { latitude: '32', longitude: null } } }, 'missing coordinates'],
    [{ location: { coords: { latitude: 1, longitude: 2 } } }, 'missing device id'],
    [{ device_id: 'a', location: { timestamp: 'soon', coords: { latitude: 1, longitude: 2 } } }, 'unparsable timestamp'],
  ])('refuses %j', (b, reason) => {
    const r = parseOsmandJson(b, NOW);
    expect(!r.ok && r.reason).toContain(reason);
  });
});

describe('timestamps', () => {
  it('tells seconds from milliseconds', () => {
    expect(parseTimestamp('1795766400')).toBe(1795766400000);
    expect(parseTimestamp('1795766400.5')).toBe(1795766400500);
    expect(parseTimestamp(1795766400123)).toBe(1795766400123);
    expect(parseTimestamp('')).toBeNull();
  });

  it('refuses a list where Traccar Client JSON has one value', () => {
    const body = (deviceId: unknown, latitude: unknown) => ({ device_id: deviceId, location: { timestamp: 1_800_000_000_000, coords: { latitude, longitude: 114.02 } } });
    expect(parseOsmandJson(body('phone-1', 32.98), 1_800_000_000_000).ok).toBe(true);
    expect(parseOsmandJson(body(['phone-1', 'phone-2'], 32.98), 1_800_000_000_000).ok).toBe(false);
    expect(parseOsmandJson(body('phone-1', [32.98, 1]), 1_800_000_000_000).ok).toBe(false);
  });
});
