// The whole base style, built in code: a dark background, the configured basemap (none by default)
// and nothing else that loads from elsewhere (no glyphs, sprite or remote tiles unless the operator
// chose a remote basemap), so the wall works on a network that reaches only its server.
// Empty anchor layers fix the stacking order, whatever order layer components mount in.
import type { StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '@cw/shared/schemas/basemap';
import { basemapStyle } from './basemap-style.ts';
import { PALETTE } from './palette.ts';

/** Layer components insert their layers *below* one of these anchors. */
export const Z = {
  areas: 'z-areas',
  lines: 'z-lines',
  points: 'z-points',
  moving: 'z-moving',
  labels: 'z-labels',
} as const;
export type ZLevel = keyof typeof Z;

const anchor = (id: string) => ({ id, type: 'background' as const, layout: { visibility: 'none' as const } });

/** `origin` (this server's, e.g. window.location.origin) makes the PMTiles archive's path absolute. */
export function baseStyle(basemap: Basemap = { kind: 'none' }, origin = ''): StyleSpecification {
  const under = basemapStyle(basemap, origin);
  return {
    version: 8,
    name: 'chuangwen-wall',
    sources: under.sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } },
      ...under.layers,
      anchor(Z.areas),
      anchor(Z.lines),
      anchor(Z.points),
      anchor(Z.moving),
      anchor(Z.labels),
    ],
  };
}
