// The wall is designed on a 3840×2160 canvas. Panels are laid out in design px and the overlay is
// scaled to the screen; the map stays full-bleed at native resolution behind it.
export const DESIGN_WIDTH = 3840;
export const DESIGN_HEIGHT = 2160;

/** The panel frame in design px; the map keeps its camera clear of it. */
export const LAYOUT = {
  margin: 48,
  gap: 32,
  topBar: 150,
  column: 860,
  bottomStrip: 64,
} as const;

export interface CanvasFit {
  /** CSS px per design px. */
  scale: number;
  /** The overlay's size in design px: 3840×2160 on 16:9, wider on spliced walls, taller on 4:3. */
  width: number;
  height: number;
}

/**
 * Fits the design canvas by its tighter side and extends the other, so a 32:9 wall gets its panels
 * at the edges and more map between them instead of black bars.
 */
export function fitDesign(viewportWidth: number, viewportHeight: number): CanvasFit {
  const scale = Math.min(viewportWidth / DESIGN_WIDTH, viewportHeight / DESIGN_HEIGHT);
  return { scale, width: viewportWidth / scale, height: viewportHeight / scale };
}

/** CSS px the map camera keeps clear of the panels. */
export function mapPadding(scale: number): { top: number; bottom: number; left: number; right: number } {
  const side = (LAYOUT.margin + LAYOUT.column + LAYOUT.gap) * scale;
  return {
    top: (LAYOUT.margin + LAYOUT.topBar + LAYOUT.gap) * scale,
    bottom: (LAYOUT.margin + LAYOUT.bottomStrip) * scale,
    left: side,
    right: side,
  };
}
