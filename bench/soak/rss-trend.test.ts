import { describe, expect, it } from 'vitest';
import { rssTrend } from './rss-trend.ts';

describe('rssTrend', () => {
  it('counts growth and slope from the first sample after the warm-up', () => {
    const samples = [0, 0.5, 1, 1.5, 2, 2.5, 3].map((minute) => ({ minute, mb: minute < 1 ? 500 : 100 + 4 * minute }));
    const t = rssTrend(samples, 1);
    expect(t.growthMb).toBeCloseTo(8);
    expect(t.slopeMbPerMin).toBeCloseTo(4);
  });

  it('keeps the slope of a steady line despite one late spike, while growth shows it', () => {
    const samples = Array.from({ length: 21 }, (_, i) => ({ minute: i / 2, mb: 200 }));
    samples[20]!.mb = 260;
    const t = rssTrend(samples, 0);
    expect(t.growthMb).toBeCloseTo(60);
    expect(t.slopeMbPerMin).toBeLessThan(3);
    expect(t.slopeMbPerMin).toBeGreaterThan(0);
  });

  it('has nothing to say with fewer than two samples after the warm-up', () => {
    expect(Number.isNaN(rssTrend([{ minute: 2, mb: 100 }], 1).growthMb)).toBe(true);
  });
});
