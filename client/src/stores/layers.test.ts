import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useLayersStore } from './layers.ts';

const streets = (name: string) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[[114, 33], [114.1, 33], [114.1, 33.1], [114, 33]]] },
      properties: { code: '411702001', name, districtCode: '411702', type: '街道', chief: '', approximate: true },
    },
  ],
});

/** The server: layer versions, and each layer by the version its URL names. */
function server(versions: Record<string, number>) {
  return vi.fn(async (url: string) => {
    if (url === '/api/v1/layer-versions') return new Response(JSON.stringify(versions), { status: 200 });
    const v = new URL(url, 'http://x').searchParams.get('v');
    return new Response(JSON.stringify(streets(v === '0' ? '东风街道' : `东风街道 v${v}`)), { status: 200 });
  });
}

describe('useLayersStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('fetches a layer once even when asked twice at the same time, under the version in use', async () => {
    const fetchMock = server({ streets: 0, grid: 3 });
    vi.stubGlobal('fetch', fetchMock);
    const store = useLayersStore();
    const [a, b] = await Promise.all([store.load('streets'), store.load('streets')]);
    expect(a).toBe(b);
    await store.load('streets');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/layer-versions', '/api/v1/layers/streets?v=0']);
    expect(store.streetNames.get('411702001')).toBe('东风街道');
    expect(store.versions.grid).toBe(3);
    vi.unstubAllGlobals();
  });

  it('refetches a shown layer when the server says it changed, and only then', async () => {
    const fetchMock = server({ streets: 0 });
    vi.stubGlobal('fetch', fetchMock);
    const store = useLayersStore();
    await store.load('streets');
    await store.changed({ layer: 'streets', version: 2 });
    expect(store.streetNames.get('411702001')).toBe('东风街道 v2');
    await store.changed({ layer: 'communities', version: 1 });
    expect(store.versions).toMatchObject({ streets: 2, communities: 1 });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/layer-versions', '/api/v1/layers/streets?v=0', '/api/v1/layers/streets?v=2']);
    vi.unstubAllGlobals();
  });
});
