// Colours of the dark wall map. Domain colours (patrol kinds, site categories) come from shared/.
export const PALETTE = {
  background: '#050b16',
  districtFill: '#0d2a45',
  districtLine: '#4dd0e1',
  districtGlow: '#0097a7',
  districtLabel: '#e0f7fa',
  streetLine: '#5c8fb8',
  streetLabel: '#b3d4f0',
  communityLine: '#36597a',
  communityLabel: '#8fb3d1',
  gridLine: '#2f5f86',
  corridor: '#66bb6a',
  river: '#29b6f6',
  labelHalo: '#02060d',
  stale: '#8a939e',
  ready: '#43a047',
  attention: '#ffb300',
  failing: '#e53935',
  escalatedRing: '#ff4dd2',
} as const;

/**
 * Font stacks for map labels, drawn with local fonts (no glyph server). MapLibre reads the weight
 * from the first name and uses the whole stack as a CSS font-family list, so the second name is
 * the bundled family that actually draws Latin letters and digits.
 */
export const MAP_FONT = ['Noto Sans SC Regular', 'Noto Sans SC'];
export const MAP_FONT_BOLD = ['Noto Sans SC Bold', 'Noto Sans SC'];
export const LOCAL_IDEOGRAPH_FONT = "'Noto Sans SC', 'Noto Sans CJK SC', sans-serif";
