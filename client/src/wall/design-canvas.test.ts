import { describe, expect, it } from 'vitest';
import { fitDesign, mapPadding } from './design-canvas.ts';

describe('fitDesign', () => {
  it('scales a 16:9 screen exactly', () => {
    expect(fitDesign(1920, 1080)).toEqual({ scale: 0.5, width: 3840, height: 2160 });
    expect(fitDesign(3840, 2160)).toEqual({ scale: 1, width: 3840, height: 2160 });
  });

  it('widens the canvas on a spliced 32:9 wall instead of letterboxing it', () => {
    expect(fitDesign(7680, 2160)).toEqual({ scale: 1, width: 7680, height: 2160 });
  });

  it('makes it taller on a 4:3 screen', () => {
    const fit = fitDesign(1600, 1200);
    expect(fit.width).toBeCloseTo(3840);
    expect(fit.height).toBeCloseTo(2880);
  });

  it('keeps the camera clear of the panels in screen px', () => {
    expect(mapPadding(0.5).left).toBe(470);
  });
});
