// How long the map takes to draw a frame, and whether the wall should cut back on motion. A wall
// PC with weak (or software) GL can spend a second per repaint at 4K; continuous pulsing and
// per-frame patrol gliding would then starve everything else (labels take tens of seconds to
// appear). Only intervals in which the map actually rendered count, so an idle map does not look
// fast and flip the mode back and forth.
export type Motion = 'full' | 'reduced';

/** Above this average draw interval the wall stops pulsing and moves patrols once per tick. */
export const SLOW_FRAME_MS = 400;
/** Below this it goes back to full motion. */
export const FAST_FRAME_MS = 150;
/** In reduced motion, moving things may cause a repaint at most this share of the time. */
export const REDUCED_REPAINT_SHARE = 1 / 3;
const SMOOTHING = 0.2;

export class RenderPace {
  private last = 0;
  private rendered = false;
  averageMs = 16;
  motion: Motion = 'full';

  /** Call from the map's 'render' event. */
  onRender(): void {
    this.rendered = true;
  }

  /** In reduced motion, the least time between two updates of a moving layer. */
  reducedIntervalMs(minimumMs: number): number {
    return Math.max(minimumMs, this.averageMs / REDUCED_REPAINT_SHARE);
  }

  /** Call once per animation frame; returns the motion mode to use now. */
  onFrame(now: number): Motion {
    if (this.last > 0 && this.rendered) {
      this.averageMs += SMOOTHING * (now - this.last - this.averageMs);
      if (this.motion === 'full' && this.averageMs > SLOW_FRAME_MS) this.motion = 'reduced';
      else if (this.motion === 'reduced' && this.averageMs < FAST_FRAME_MS) this.motion = 'full';
    }
    this.rendered = false;
    this.last = now;
    return this.motion;
  }
}
