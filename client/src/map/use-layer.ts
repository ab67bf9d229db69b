// What layer components share: their static data, and re-styling when the language or the wall's
// scale changes.
import { onUnmounted, watch } from 'vue';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { LayerCollection, LayerName } from '../api/types.ts';
import { useLayersStore } from '../stores/layers.ts';
import { locale, type Locale } from '../i18n/index.ts';
import { useMapContext } from './map-context.ts';
import { preloadLabelFont, type LabelWeight } from './font-preload.ts';

const LAYER_RETRY_MS = 10_000;

/** Loads one of the server's static layers (retrying while the layer is mounted) and hands it over
 *  whenever it is (re)placed. */
export function useStaticLayer<N extends LayerName>(name: N, apply: (fc: LayerCollection<N>) => void): void {
  const store = useLayersStore();
  watch(
    () => store.collections[name] as LayerCollection<N> | undefined,
    (fc) => {
      if (fc) apply(fc);
    },
    { immediate: true },
  );
  let retry: ReturnType<typeof setTimeout> | undefined;
  const load = () =>
    store.load(name).catch((err: unknown) => {
      console.warn(`[map] layer ${name} failed to load, retrying`, err);
      retry = setTimeout(load, LAYER_RETRY_MS);
    });
  void load();
  onUnmounted(() => clearTimeout(retry));
}

export interface LabelFont {
  weight: LabelWeight;
  /** Labels shown on the first view wait for their font; those that appear only zoomed in don't,
   *  their subsets load in the background (hundreds of names span most of the CJK subsets). */
  wait: boolean;
}

/** Same, for a layer with labels: the font subsets its names need are loaded as it arrives. */
export function useLabelledLayer<N extends LayerName>(
  name: N,
  names: (fc: LayerCollection<N>) => Iterable<string>,
  font: LabelFont,
  apply: (fc: LayerCollection<N>) => void,
): void {
  useStaticLayer(name, (fc) => {
    const loading = preloadLabelFont(names(fc), font.weight);
    if (font.wait) void loading.then(() => apply(fc));
    else apply(fc);
  });
}

/** Runs now and again whenever the language or the UI scale changes. */
export function useRestyle(apply: (scale: number, lang: Locale) => void): void {
  const { uiScale } = useMapContext();
  watch([uiScale, locale], ([scale, lang]) => apply(scale, lang), { immediate: true });
}

/** A size in design px (3840×2160 canvas) growing with zoom, scaled to CSS px. */
export function zoomSize(scale: number, stops: readonly [zoom: number, designPx: number][]): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], ...stops.flatMap(([z, px]) => [z, px * scale])] as ExpressionSpecification;
}
