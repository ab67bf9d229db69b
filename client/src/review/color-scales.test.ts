import { describe, expect, it } from 'vitest';
import { colorAt, cssGradient, divergingScale, fillColorExpression, niceCeil, robustTop, sequentialScale } from './color-scales.ts';

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

describe('difference map colours (diverging)', () => {
  const scale = divergingScale(37);

  it('is symmetric around no change, with round ends', () => {
    const values = scale.stops.map(([v]) => v);
    expect(values[0]).toBe(-50);
    expect(values.at(-1)).toBe(50);
    expect(values.map((v, i) => v + values[values.length - 1 - i]!)).toEqual(values.map(() => 0));
    expect(colorAt(scale, 0)).toBe('#334255');
  });

  it('colours more cases red and fewer blue, stronger further from zero', () => {
    const [rMore, , bMore] = rgb(colorAt(scale, 40));
    const [rFewer, , bFewer] = rgb(colorAt(scale, -40));
    expect(rMore).toBeGreaterThan(bMore);
    expect(bFewer).toBeGreaterThan(rFewer);
    // Past the first step away from zero, bigger differences are more saturated.
    expect(rgb(colorAt(scale, 40))[1]).toBeLessThan(rgb(colorAt(scale, 10))[1]);
    expect(rgb(colorAt(scale, -40))[0]).toBeLessThan(rgb(colorAt(scale, -10))[0]);
    // Near zero stays close to the slate of 'no change'.
    expect(colorAt(scale, 0.5)).not.toBe(colorAt(scale, 10));
  });

  it('clamps beyond the ends', () => {
    expect(colorAt(scale, 1e6)).toBe(colorAt(scale, 50));
    expect(colorAt(scale, -1e6)).toBe(colorAt(scale, -50));
  });
});

describe('robust scale tops', () => {
  it('uses the maximum for few areas and a high quantile for many, flagging what lies beyond', () => {
    expect(robustTop([3, 9, 1])).toEqual({ top: 9, overflow: false });
    const cells = [...Array.from({ length: 99 }, (_, i) => (i % 10) + 1), 1000];
    expect(robustTop(cells)).toEqual({ top: 10, overflow: true });
    expect(robustTop([])).toEqual({ top: 0, overflow: false });
  });
});

describe('sequential colours', () => {
  it('rounds the top up to a nice number and spaces counts by sqrt', () => {
    expect(niceCeil(167)).toBe(200);
    expect(niceCeil(0.37)).toBe(0.5);
    expect(niceCeil(0)).toBe(1);
    const s = sequentialScale(167, { spacing: 'sqrt' });
    s.stops.forEach(([v], i) => expect(v).toBeCloseTo([0, 8, 32, 72, 128, 200][i]!, 9));
  });

  it('reverses for shares where low is bad', () => {
    const s = sequentialScale(1, { reverse: true, nice: false });
    expect(colorAt(s, 0)).toBe('#e5383b');
    expect(colorAt(s, 1)).toBe('#15405c');
  });

  it('turns into an interpolate expression on feature-state and a CSS gradient', () => {
    const s = sequentialScale(10);
    const e = fillColorExpression(s) as unknown[];
    expect(e[0]).toBe('interpolate');
    expect(e[2]).toEqual(['coalesce', ['feature-state', 'v'], 0]);
    expect(e.length).toBe(3 + s.stops.length * 2);
    expect(cssGradient(s)).toMatch(/^linear-gradient\(90deg, #15405c 0\.0%, .* #e5383b 100\.0%\)$/);
  });
});
