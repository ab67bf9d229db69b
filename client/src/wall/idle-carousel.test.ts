import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleCarousel } from './idle-carousel.ts';

describe('createIdleCarousel', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts touring after the idle time and cycles through the stops', () => {
    const visited: string[] = [];
    const carousel = createIdleCarousel({ idleMs: 60_000, dwellMs: 10_000, stops: () => ['all', 'centre', 'zone'], go: (s) => visited.push(s) });
    vi.advanceTimersByTime(59_999);
    expect(visited).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(visited).toEqual(['all']);
    vi.advanceTimersByTime(30_000);
    expect(visited).toEqual(['all', 'centre', 'zone', 'all']);
    carousel.stop();
  });

  it('stops touring when touched, and starts again from the first view', () => {
    const visited: string[] = [];
    const carousel = createIdleCarousel({ idleMs: 1000, dwellMs: 1000, stops: () => ['a', 'b'], go: (s) => visited.push(s) });
    vi.advanceTimersByTime(2000);
    expect(visited).toEqual(['a', 'b']);
    carousel.touch();
    vi.advanceTimersByTime(999);
    expect(visited).toEqual(['a', 'b']);
    vi.advanceTimersByTime(1);
    expect(visited).toEqual(['a', 'b', 'a']);
    carousel.stop();
    vi.advanceTimersByTime(10_000);
    expect(visited).toHaveLength(3);
  });
});
