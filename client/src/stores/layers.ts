// The static map layers (districts, streets, communities, corridors, inspection points), fetched
// once each and kept whole: a layer is replaced, never edited in place. When an import replaces a
// layer on the server (`layers:changed`), a layer already loaded is fetched again under its new
// version (so no cached copy answers), and `versions.grid` moves the grid tiles' URL.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { LayersChanged } from '@cw/shared/schemas/imports';
import { api } from '../api/rest.ts';
import type { LayerCollection, LayerName } from '../api/types.ts';

type Collections = { [N in LayerName]?: LayerCollection<N> };

export const useLayersStore = defineStore('layers', () => {
  const collections = shallowRef<Collections>({});
  /** Version in use of each layer the server has told us about (0 = the committed file). */
  const versions = shallowRef<Partial<Record<string, number>>>({});
  const inflight = new Map<LayerName, Promise<unknown>>();

  let asked: Promise<void> | null = null;
  /** The versions in use, asked once (the URLs name them, so a cached copy of another version never answers). */
  function ensureVersions(): Promise<void> {
    asked ??= api.layerVersions().then((v) => { versions.value = { ...v, ...versions.value }; }, () => { asked = null; });
    return asked;
  }

  async function load<N extends LayerName>(name: N): Promise<LayerCollection<N>> {
    const have = collections.value[name];
    if (have) return have as LayerCollection<N>;
    await ensureVersions();
    let pending = inflight.get(name) as Promise<LayerCollection<N>> | undefined;
    if (!pending) {
      pending = api.layer(name, versions.value[name]).finally(() => inflight.delete(name));
      inflight.set(name, pending);
    }
    const fc = await pending;
    collections.value = { ...collections.value, [name]: fc };
    return fc;
  }

  /** A layer was replaced or an import undone: refetch it if it is shown. */
  async function changed(c: LayersChanged): Promise<void> {
    versions.value = { ...versions.value, [c.layer]: c.version };
    const name = c.layer as LayerName;
    if (!(name in collections.value)) return;
    const fc = await api.layer(name, c.version);
    collections.value = { ...collections.value, [name]: fc };
  }

  /** Street code → name, for panels and the ticker. */
  const streetNames = computed(() => {
    const names = new Map<string, string>();
    for (const f of collections.value.streets?.features ?? []) names.set(f.properties.code, f.properties.name);
    return names;
  });

  return { collections, versions, load, ensureVersions, changed, streetNames };
});
