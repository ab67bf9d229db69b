import { describe, expect, it } from 'vitest';
import { PlaybackClock, sliderDay } from './playback-clock.ts';

describe('PlaybackClock (time slider and replay)', () => {
  it('steps the slider day by day at its rate, and stops on the last day', () => {
    const days = 5;
    const clock = new PlaybackClock(0, days, 2); // two days a second
    clock.play(1000);
    expect(clock.tick(1000)).toBe(0); // the first tick only takes the time
    expect(sliderDay(clock.tick(1250), days)).toBe(0);
    expect(sliderDay(clock.tick(1500), days)).toBe(1);
    expect(sliderDay(clock.tick(2000), days)).toBe(2);
    expect(sliderDay(clock.tick(4000), days)).toBe(4);
    expect(clock.playing).toBe(false);
    expect(clock.atEnd).toBe(true);
  });

  it('skips ahead after a slow frame instead of queueing steps', () => {
    const clock = new PlaybackClock(0, 30, 1);
    clock.play(0);
    clock.tick(0);
    expect(sliderDay(clock.tick(3400), 30)).toBe(3);
  });

  it('restarts from the beginning when played at the end, and clamps seeks', () => {
    const clock = new PlaybackClock(0, 3, 1);
    clock.seek(99);
    expect(clock.position).toBe(3);
    clock.play(0);
    expect(clock.position).toBe(0);
    clock.seek(-4);
    expect(clock.position).toBe(0);
  });

  it('does not move while paused, and a resumed clock does not jump over the pause', () => {
    const clock = new PlaybackClock(0, 100, 1);
    clock.play(0);
    clock.tick(0);
    clock.tick(1000);
    clock.pause();
    expect(clock.tick(50_000)).toBe(1);
    clock.play(60_000);
    clock.tick(60_000);
    expect(clock.tick(61_000)).toBe(2);
  });

  it('plays replay time at speed × real time', () => {
    const from = 1_700_000_000_000;
    const clock = new PlaybackClock(from, from + 3_600_000, 60 * 1000); // 60×
    clock.play(0);
    clock.tick(0);
    expect(clock.tick(1000) - from).toBe(60_000);
    clock.rate = 1000; // 1×
    expect(clock.tick(2000) - from).toBe(61_000);
  });

  it('keeps the position across a reset where it still fits', () => {
    const clock = new PlaybackClock(0, 10, 1);
    clock.seek(7);
    clock.reset(0, 5);
    expect(clock.position).toBe(5);
    expect(() => clock.reset(5, 0)).toThrow();
  });
});
