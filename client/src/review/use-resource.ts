// A panel's table from the review API: fetched whenever its URL changes (latest answer wins),
// reloadable, with loading and error state. A null URL means "nothing to ask" and clears nothing.
import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { getJson } from '../api/http.ts';
import { Latest } from './latest.ts';

export interface Resource<T> {
  data: ShallowRef<T | null>;
  loading: Ref<boolean>;
  error: Ref<string | null>;
  reload(): Promise<void>;
}

export function useResource<T>(url: () => string | null): Resource<T> {
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const latest = new Latest();

  async function reload(): Promise<void> {
    const u = url();
    if (!u) return;
    loading.value = true;
    error.value = null;
    try {
      const applied = await latest.run(() => getJson<T>(u), (v) => (data.value = v));
      if (applied) loading.value = false;
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
      loading.value = false;
    }
  }

  watch(url, () => void reload(), { immediate: true });
  return { data, loading, error, reload };
}
