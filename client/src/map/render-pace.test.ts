import { describe, expect, it } from 'vitest';
import { RenderPace } from './render-pace.ts';

function drive(pace: RenderPace, frames: number, intervalMs: number, rendering: boolean, start = 0): number {
  let now = start;
  for (let i = 0; i < frames; i++) {
    if (rendering) pace.onRender();
    now += intervalMs;
    pace.onFrame(now);
  }
  return now;
}

describe('RenderPace', () => {
  it('stays in full motion while frames are drawn quickly', () => {
    const pace = new RenderPace();
    drive(pace, 100, 16, true);
    expect(pace.motion).toBe('full');
  });

  it('reduces motion when repaints take most of a second', () => {
    const pace = new RenderPace();
    drive(pace, 20, 900, true);
    expect(pace.motion).toBe('reduced');
  });

  it('does not mistake an idle map for a fast one', () => {
    const pace = new RenderPace();
    const t = drive(pace, 20, 900, true);
    drive(pace, 200, 16, false, t);
    expect(pace.motion).toBe('reduced');
  });

  it('spaces updates so that repaints take at most a third of the time', () => {
    const pace = new RenderPace();
    drive(pace, 40, 1200, true);
    expect(pace.reducedIntervalMs(1000)).toBeGreaterThan(3000);
    expect(new RenderPace().reducedIntervalMs(1000)).toBe(1000);
  });

  it('returns to full motion once drawing is fast again', () => {
    const pace = new RenderPace();
    const t = drive(pace, 20, 900, true);
    drive(pace, 60, 16, true, t);
    expect(pace.motion).toBe('full');
  });
});
