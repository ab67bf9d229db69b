// The static map layers (districts, streets, communities, corridors, inspection points), fetched
// once each and kept whole: a layer is replaced, never edited in place.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { api } from '../api/rest.ts';
import type { LayerCollection, LayerName } from '../api/types.ts';

type Collections = { [N in LayerName]?: LayerCollection<N> };

export const useLayersStore = defineStore('layers', () => {
  const collections = shallowRef<Collections>({});
  const inflight = new Map<LayerName, Promise<unknown>>();

  async function load<N extends LayerName>(name: N): Promise<LayerCollection<N>> {
    const have = collections.value[name];
    if (have) return have as LayerCollection<N>;
    let pending = inflight.get(name) as Promise<LayerCollection<N>> | undefined;
    if (!pending) {
      pending = api.layer(name).finally(() => inflight.delete(name));
      inflight.set(name, pending);
    }
    const fc = await pending;
    collections.value = { ...collections.value, [name]: fc };
    return fc;
  }

  /** Street code → name, for panels and the ticker. */
  const streetNames = computed(() => {
    const names = new Map<string, string>();
    for (const f of collections.value.streets?.features ?? []) names.set(f.properties.code, f.properties.name);
    return names;
  });

  return { collections, load, streetNames };
});
