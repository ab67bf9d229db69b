// The pmtiles:// protocol, registered with MapLibre once, and the basemap archive on this server
// read through it with the display's credentials: the reader makes its own range requests, which
// MapLibre's transformRequest never sees, so the bearer token is handed to it here.
import { addProtocol } from 'maplibre-gl';
import { FetchSource, PMTiles, Protocol } from 'pmtiles';
import type { Basemap } from '@cw/shared/schemas/basemap';

let protocol: Protocol | null = null;

/** Makes `pmtiles://<url>` in a style read `url` with these headers (and the session cookie). */
export function readBasemapArchive(url: string, headers: Record<string, string>): void {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  // Replaces any earlier reader of the same URL, so a new token or a replaced file is picked up.
  protocol.add(new PMTiles(new FetchSource(url, new Headers(headers), 'same-origin')));
}

/** Before a map draws `basemap`: readies what its sources need (only the PMTiles archive needs anything). */
export function prepareBasemap(basemap: Basemap, origin: string, headers: Record<string, string>): void {
  if (basemap.kind === 'pmtiles') readBasemapArchive(`${origin}${basemap.path}`, headers);
}

/** The credit the map shows for its basemap; empty (no attribution control) when there is nothing to credit. */
export function basemapAttribution(basemap: Basemap): string {
  return basemap.kind === 'none' ? '' : basemap.attribution;
}
