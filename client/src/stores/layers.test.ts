import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useLayersStore } from './layers.ts';

const streets = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[[114, 33], [114.1, 33], [114.1, 33.1], [114, 33]]] },
      properties: { code: '411702001', name: '东风街道', districtCode: '411702', type: '街道', chief: '', approximate: true },
    },
  ],
};

describe('useLayersStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('fetches a layer once even when asked twice at the same time', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(streets), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const store = useLayersStore();
    const [a, b] = await Promise.all([store.load('streets'), store.load('streets')]);
    expect(a).toBe(b);
    await store.load('streets');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(store.streetNames.get('411702001')).toBe('东风街道');
    vi.unstubAllGlobals();
  });
});
