import { describe, expect, it } from 'vitest';
import { GAP_MS, metres, ReplayTrack, replayRate, REPLAY_SPEEDS } from './replay-track.ts';

const T0 = 1_700_000_000_000;
// Fixes every 15 s moving east, then a 10-minute silence, then one more fix.
const points = [
  T0, 114.0, 33.0, 1, 90,
  T0 + 15_000, 114.001, 33.0, 1, 90,
  T0 + 30_000, 114.002, 33.001, 1, 45,
  T0 + 30_000 + 10 * 60_000, 114.01, 33.01, 1, 0,
];

describe('ReplayTrack', () => {
  it('interpolates between two fixes', () => {
    const track = new ReplayTrack(points);
    const s = track.at(T0 + 7_500)!;
    expect(s.lon).toBeCloseTo(114.0005, 9);
    expect(s.lat).toBeCloseTo(33.0, 9);
    expect(s.reporting).toBe(true);
    expect(s.heading).toBe(90);
  });

  it('is nowhere before the first fix, and holds (silent) across a long gap and after the end', () => {
    const track = new ReplayTrack(points);
    expect(track.at(T0 - 1)).toBeNull();
    expect(10 * 60_000).toBeGreaterThan(GAP_MS);
    const held = track.at(T0 + 30_000 + 5 * 60_000)!;
    expect([held.lon, held.lat]).toEqual([114.002, 33.001]);
    expect(held.reporting).toBe(false);
    const end = track.at(T0 + 30_000 + 10 * 60_000 + 3_600_000)!;
    expect([end.lon, end.lat, end.reporting]).toEqual([114.01, 33.01, false]);
  });

  it('answers the same going back in time (seek) as going forward', () => {
    const track = new ReplayTrack(points);
    const forward = [0, 5_000, 16_000, 29_000].map((d) => track.at(T0 + d));
    const back = [29_000, 16_000, 5_000, 0].map((d) => track.at(T0 + d)).reverse();
    expect(back).toEqual(forward);
  });

  it('gives the trail between two instants, starting and ending at interpolated points', () => {
    const track = new ReplayTrack(points);
    const p = track.path(T0 + 7_500, T0 + 22_500);
    expect(p).toHaveLength(3);
    expect(p[0]![0]).toBeCloseTo(114.0005, 9);
    expect(p[1]).toEqual([114.001, 33.0]);
    expect(p[2]![0]).toBeCloseTo(114.0015, 9);
    expect(track.distanceM(T0, T0 + 15_000)).toBeCloseTo(metres([114, 33], [114.001, 33]), 6);
    expect(metres([114, 33], [114.001, 33])).toBeGreaterThan(90);
    expect(metres([114, 33], [114.001, 33])).toBeLessThan(95);
  });

  it('plays 1× to 60× real time', () => {
    expect(REPLAY_SPEEDS[0]).toBe(1);
    expect(REPLAY_SPEEDS.at(-1)).toBe(60);
    expect(replayRate(60)).toBe(60_000);
  });
});
