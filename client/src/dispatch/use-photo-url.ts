// Photos are behind login: fetched with the session's token and shown from object URLs, which
// are released when the component goes away.
import { onBeforeUnmount, reactive } from 'vue';
import { caseApi } from '../api/case-api.ts';

export function usePhotoUrls(variant: 'thumb' | 'original') {
  const urls = reactive(new Map<string, string>());
  const asked = new Set<string>();

  function url(photoId: string): string | undefined {
    if (!asked.has(photoId)) {
      asked.add(photoId);
      caseApi.photo(photoId, variant).then(
        (blob) => urls.set(photoId, URL.createObjectURL(blob)),
        (err: unknown) => console.warn('[photos] could not load', photoId, err),
      );
    }
    return urls.get(photoId);
  }

  onBeforeUnmount(() => {
    for (const u of urls.values()) URL.revokeObjectURL(u);
  });

  return { url };
}
