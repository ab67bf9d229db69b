// Puts the map on its home view (the city) once the streets are known, and wires the idle tour to
// the map and to the people in the room: any pointer, wheel, touch or key counts as someone using
// the wall.
import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useConfigStore } from '../stores/config.ts';
import { useLayersStore } from '../stores/layers.ts';
import { cameraStops, cityBounds, type CameraStop } from './camera-stops.ts';
import { createIdleCarousel, type IdleCarousel } from './idle-carousel.ts';
import { mapPadding, type CanvasFit } from './design-canvas.ts';

const TOUCH_EVENTS = ['pointerdown', 'wheel', 'touchstart', 'keydown'] as const;
const DEFAULT_IDLE_MINUTES = 3;
const DWELL_MS = 45_000;
const FLIGHT_MS = 6_000;

/** `?idle=<minutes>` on the wall's URL overrides the wait (handy on a demo screen). */
function idleMs(): number {
  const fromUrl = Number(new URLSearchParams(window.location.search).get('idle'));
  return (fromUrl > 0 ? fromUrl : DEFAULT_IDLE_MINUTES) * 60_000;
}

export function useWallTour(fit: Readonly<Ref<CanvasFit>>) {
  const config = useConfigStore();
  const layers = useLayersStore();
  const map = shallowRef<MapLibreMap | null>(null);
  /** The tour stop on screen, or null while people are using the wall. */
  const touring = shallowRef<CameraStop['label'] | null>(null);
  let carousel: IdleCarousel | null = null;
  let home = false;
  const touch = () => {
    touring.value = null;
    carousel?.touch();
  };

  watch([map, () => layers.collections.streets], ([m, streets]) => {
    if (home || !m || !streets || !config.config) return;
    home = true;
    m.fitBounds(cityBounds(config.config, streets.features), { padding: mapPadding(fit.value.scale), duration: 0 });
  });

  function start(loaded: MapLibreMap): void {
    map.value = loaded;
    carousel = createIdleCarousel<CameraStop>({
      idleMs: idleMs(),
      dwellMs: DWELL_MS,
      stops: () =>
        config.config
          ? cameraStops(config.config, layers.collections.districts?.features ?? [], layers.collections.streets?.features ?? [])
          : [],
      go: (stop) => {
        touring.value = stop.label;
        loaded.fitBounds(stop.bounds, { padding: mapPadding(fit.value.scale), duration: FLIGHT_MS, essential: true });
      },
    });
    for (const e of TOUCH_EVENTS) window.addEventListener(e, touch, { passive: true });
  }

  onBeforeUnmount(() => {
    carousel?.stop();
    for (const e of TOUCH_EVENTS) window.removeEventListener(e, touch);
  });

  return { start, touring };
}
