// How patrols look on the map: fill by kind, grey when stale, a white ring when busy (the ring is
// the background colour otherwise), sized in design px by zoom like the other point layers.
import { PATROL_KIND_INFO } from '@cw/shared/domain/patrol';
import { PALETTE } from './palette.ts';
import { kindColors } from './patrol-vertices.ts';
import type { PatrolLayerLook } from './patrol-gl-layer.ts';

export const PATROL_LOOK: PatrolLayerLook = {
  kinds: kindColors((k) => PATROL_KIND_INFO[k].color, '#cfd8dc'),
  stale: PALETTE.stale,
  ring: PALETTE.background,
  busyRing: '#ffffff',
  radius: [[10, 7], [12, 9], [14, 13], [16, 18]],
  stroke: [[10, 2.5], [16, 4]],
};
