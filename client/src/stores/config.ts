// Server-side settings the wall needs before it can draw: extent, districts, tick, assessment date.
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { api } from '../api/rest.ts';
import type { WallConfig } from '../api/types.ts';

export const useConfigStore = defineStore('config', () => {
  const config = shallowRef<WallConfig | null>(null);
  let loading: Promise<WallConfig> | null = null;

  function load(): Promise<WallConfig> {
    loading ??= api.config().then(
      (c) => (config.value = c),
      (err: unknown) => {
        loading = null;
        throw err;
      },
    );
    return loading;
  }

  return { config, load };
});
