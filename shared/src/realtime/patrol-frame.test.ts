import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, readFrameHeader, type PatrolFix } from './patrol-frame.ts';

const fix = (index: number, lon: number, lat: number, extra: Partial<PatrolFix> = {}): PatrolFix => ({
  index, lon, lat, status: 'online', busy: false, heading: 0, speed: 0, ...extra,
});

describe('PatrolFrame', () => {
  it('round-trips positions to within a metre and keeps flags', () => {
    const fixes = [
      fix(7, 114.02345, 32.98123, { heading: 90, speed: 4.2, busy: true }),
      fix(2, 113.51, 32.85, { status: 'stale', heading: 359 }),
      fix(300000, 114.24, 33.149, { status: 'offline', speed: 20 }),
    ];
    const bytes = encodeFrame(fixes, 1_700_000_000_123, true);
    const frame = decodeFrame(bytes);
    expect(frame.time).toBe(1_700_000_000_123);
    expect(frame.full).toBe(true);
    expect(frame.count).toBe(3);
    const c = frame.columns;
    expect(Array.from(c.index.subarray(0, 3))).toEqual([2, 7, 300000]);
    expect(c.lon[1]).toBeCloseTo(114.02345, 5);
    expect(c.lat[1]).toBeCloseTo(32.98123, 5);
    expect(c.busy[1]).toBe(1);
    expect(c.heading[1]).toBeCloseTo(90, 0);
    expect(c.speed[1]).toBeCloseTo(4.2, 0);
    expect(c.status[0]).toBe(1);
    expect(c.heading[0]).toBe(0); // 359° rounds to north
    expect(c.status[2]).toBe(2);
    expect(c.lon[2]).toBeCloseTo(114.24, 5);
  });

  it('stays within 12 bytes per patrol for a city of moving patrols', () => {
    const fixes = Array.from({ length: 10000 }, (_, i) =>
      fix(i, 113.6 + (i % 100) * 0.006, 32.85 + Math.floor(i / 100) * 0.003, { speed: 5, heading: i % 360 }));
    const bytes = encodeFrame(fixes, Date.now());
    expect(bytes.length / fixes.length).toBeLessThanOrEqual(12);
    expect(decodeFrame(bytes).count).toBe(10000);
  });

  it('encodes an empty frame and rejects garbage', () => {
    expect(readFrameHeader(encodeFrame([], 5)).count).toBe(0);
    expect(() => decodeFrame(new Uint8Array([9, 9, 9]))).toThrow(RangeError);
    const truncated = encodeFrame([fix(1, 114, 33)], 1).slice(0, 22);
    expect(() => decodeFrame(truncated)).toThrow(RangeError);
    // Cut inside a multi-byte index delta (300000 takes three varint bytes).
    const midVarint = encodeFrame([fix(300000, 114, 33)], 1).slice(0, 20);
    expect(() => decodeFrame(midVarint)).toThrow(RangeError);
  });
});
