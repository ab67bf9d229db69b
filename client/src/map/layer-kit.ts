// Small helpers every layer component uses to add its layers at the right depth and to clean up.
import type { AddLayerObject, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { Z, type ZLevel } from './base-style.ts';

export const emptyCollection = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export function addLayersAt(map: MapLibreMap, level: ZLevel, layers: readonly AddLayerObject[]): void {
  for (const layer of layers) map.addLayer(layer, Z[level]);
}

/** Removes layers first, then sources; a map already torn down is left alone. */
export function removeAll(map: MapLibreMap, layerIds: readonly string[], sourceIds: readonly string[]): void {
  if (!map.style) return;
  for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of sourceIds) if (map.getSource(id)) map.removeSource(id);
}

export function geojsonSource(map: MapLibreMap, id: string): GeoJSONSource {
  const source = map.getSource<GeoJSONSource>(id);
  if (!source) throw new Error(`source ${id} is missing`);
  return source;
}
