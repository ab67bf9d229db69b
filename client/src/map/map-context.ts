// How layer components reach the one map: a typed injection key, provided by MapView.
import { inject, type InjectionKey, type Ref, type ShallowRef } from 'vue';
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface MapContext {
  /** Set once the style has loaded; layers are only mounted after that. */
  map: ShallowRef<MapLibreMap | null>;
  /** CSS px per design px (the wall is designed at 3840×2160): sizes on the map follow it. */
  uiScale: Readonly<Ref<number>>;
}

export const MAP_CONTEXT: InjectionKey<MapContext> = Symbol('map-context');

/** For layer components: the loaded map and the UI scale. */
export function useMapContext(): { map: MapLibreMap; uiScale: Readonly<Ref<number>> } {
  const ctx = inject(MAP_CONTEXT);
  const map = ctx?.map.value;
  if (!ctx || !map) throw new Error('map layers must be placed inside <MapView>, which mounts them after load');
  return { map, uiScale: ctx.uiScale };
}
