// The whole base style, built in code: a dark background and nothing that loads from elsewhere
// (no glyphs, sprite or tiles), so the wall works on a network that reaches only its server.
// Empty anchor layers fix the stacking order, whatever order layer components mount in.
import type { StyleSpecification } from 'maplibre-gl';
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

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'chuangwen-wall',
    sources: {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } },
      anchor(Z.areas),
      anchor(Z.lines),
      anchor(Z.points),
      anchor(Z.moving),
      anchor(Z.labels),
    ],
  };
}
