import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportThrottle } from './report-throttle.ts';

describe('ReportThrottle', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('sends the first fix at once, then at most one every 5 s, always the newest', () => {
    const sent: number[] = [];
    const t = new ReportThrottle<number>(5000, (f) => sent.push(f), () => Date.now());
    t.offer(1);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1000);
    t.offer(2);
    vi.advanceTimersByTime(1000);
    t.offer(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(2999);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(20_000);
    expect(sent).toEqual([1, 3]);
    t.offer(4);
    expect(sent).toEqual([1, 3, 4]);
  });

  it('drops what is pending when stopped', () => {
    const sent: number[] = [];
    const t = new ReportThrottle<number>(5000, (f) => sent.push(f), () => Date.now());
    t.offer(1);
    t.offer(2);
    t.stop();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([1]);
  });
});
