// The read-only probe the dispatch desk exposes for browser tests (client/src/dispatch/test-hooks.ts).
import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    __cwConsole?: { map: MapLibreMap };
  }
}
