// A read-only probe for the browser tests: the console's map, so a test can turn a place into the
// pixel to click. Nothing in it changes what the console shows.
import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    __cwConsole?: { map: MapLibreMap };
  }
}

export function installConsoleHooks(map: MapLibreMap): () => void {
  window.__cwConsole = Object.freeze({ map });
  return () => {
    delete window.__cwConsole;
  };
}
