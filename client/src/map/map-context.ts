// How layer components reach the one map: a typed injection key, provided by MapView.
import { inject, type InjectionKey, type Ref, type ShallowRef } from 'vue';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Motion, RenderPace } from './render-pace.ts';

export interface MapContext {
  /** Set once the style has loaded; layers are only mounted after that. */
  map: ShallowRef<MapLibreMap | null>;
  /** CSS px per design px (the wall is designed at 3840×2160): sizes on the map follow it. */
  uiScale: Readonly<Ref<number>>;
  /** 'reduced' when the map draws too slowly for continuous animation (see render-pace.ts). */
  motion: Readonly<Ref<Motion>>;
  /** Draw timings behind `motion` (not reactive: read it when deciding, don't watch it). */
  pace: RenderPace;
}

export const MAP_CONTEXT: InjectionKey<MapContext> = Symbol('map-context');

/** For layer components: the loaded map and the UI scale. */
export function useMapContext(): Omit<MapContext, 'map'> & { map: MapLibreMap } {
  const ctx = inject(MAP_CONTEXT);
  const map = ctx?.map.value;
  if (!ctx || !map) throw new Error('map layers must be placed inside <MapView>, which mounts them after load');
  return { ...ctx, map };
}
