// The unit grid's vector tiles are cached for an hour: their URL names the grid's version, and when
// an import replaces the grid (or is undone) the source is pointed at the new version's tiles.
import { watch } from 'vue';
import type { Map as MlMap, VectorTileSource } from 'maplibre-gl';
import { gridTileUrl } from '../api/rest.ts';
import { useLayersStore } from '../stores/layers.ts';

export function followGridVersion(map: MlMap, source: string): void {
  const layers = useLayersStore();
  void layers.ensureVersions();
  watch(() => layers.versions.grid ?? 0, (version) => {
    const src = map.getSource(source) as VectorTileSource | undefined;
    if (src?.type === 'vector') src.setTiles([gridTileUrl(window.location.origin, version)]);
  });
}
