// The current fit of the design canvas to the window, kept up to date on resize.
import { onBeforeUnmount, onMounted, shallowRef } from 'vue';
import { fitDesign, type CanvasFit } from './design-canvas.ts';

export function useCanvasFit() {
  const fit = shallowRef<CanvasFit>(fitDesign(window.innerWidth, window.innerHeight));
  const update = () => {
    fit.value = fitDesign(window.innerWidth, window.innerHeight);
  };
  onMounted(() => window.addEventListener('resize', update));
  onBeforeUnmount(() => window.removeEventListener('resize', update));
  return fit;
}
