import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYER_NAMES, layersFromBuffers, type LayerName } from './layers.ts';
import { Locator } from './locator.ts';
import { gridCacheFile } from './grid-cache.ts';

const dataDir = join(fileURLToPath(new URL('.', import.meta.url)), '../../../data');
const committed = new Map(LAYER_NAMES.flatMap((n) => {
  try { return [[n, readFileSync(join(dataDir, `${n}.geojson`))] as const]; } catch { return []; }
})) as Map<LayerName, Buffer>;
/** The committed layers with a grid buffer of its own: layersFromBuffers remembers what it built
 *  per buffer, and these tests are about the files. */
const fresh = (grid = committed.get('grid')!) => new Map(committed).set('grid', Buffer.from(grid));
const dirs: string[] = [];
const cacheDir = () => { const d = mkdtempSync(join(tmpdir(), 'cw-grid-cache-test-')); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function randomPoints(locator: Locator, count: number, seed: number): [number, number][] {
  const [w, s, e, n] = gridExtent(locator);
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, () => [w + rand() * (e - w), s + rand() * (n - s)]);
}

function gridExtent(locator: Locator): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < locator.cells.size; i++) {
    const b = locator.cells.bbox(i);
    w = Math.min(w, b[0]); s = Math.min(s, b[1]); e = Math.max(e, b[2]); n = Math.max(n, b[3]);
  }
  // A margin, so points outside every cell are asked too.
  return [w - 0.005, s - 0.005, e + 0.005, n + 0.005];
}

describe('binary grid cache', () => {
  it('is written on first load, then read: same cells, same lookups as the GeoJSON path on random points', () => {
    const dir = cacheDir();
    const parsed = layersFromBuffers(fresh(), undefined, null);
    const first = layersFromBuffers(fresh(), undefined, dir);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^grid-[0-9a-f]{64}\.cwgrid03\.bin$/)]);
    const cached = layersFromBuffers(fresh(), undefined, dir);
    // The cached grid's features are the parsed ones, geometry included (decoded on access).
    expect(cached.grid.features.length).toBe(parsed.grid.features.length);
    expect(JSON.parse(JSON.stringify(cached.grid))).toEqual(parsed.grid);
    expect(cached.grid.features[123]!.geometry).toEqual(parsed.grid.features[123]!.geometry);
    expect(cached.files.get('grid')!.etag).toBe(parsed.files.get('grid')!.etag);

    const viaJson = new Locator(parsed);
    const viaFirst = new Locator(first);
    const viaCache = new Locator(cached);
    let inCell = 0;
    for (const [lon, lat] of randomPoints(viaJson, 20_000, 11)) {
      const want = viaJson.cells.find(lon, lat);
      expect(viaCache.cells.find(lon, lat), `${lon},${lat}`).toBe(want);
      expect(viaFirst.cells.find(lon, lat)).toBe(want);
      expect(viaCache.locate(lon, lat)).toEqual(viaJson.locate(lon, lat));
      if (want >= 0) inCell++;
    }
    expect(inCell).toBeGreaterThan(4_000);
  });

  it('is not used once the source changes: the new bytes have their own cache', () => {
    const dir = cacheDir();
    layersFromBuffers(fresh(), undefined, dir);
    const grid = JSON.parse(committed.get('grid')!.toString('utf8')) as { features: { properties: { code: string } }[] };
    const removed = grid.features.splice(0, 100);
    grid.features[0]!.properties.code = 'CHANGED-0';
    const changedBytes = Buffer.from(JSON.stringify(grid));
    const next = layersFromBuffers(fresh(changedBytes), undefined, dir);
    expect(next.grid.features.length).toBe(grid.features.length);
    expect(next.grid.features[0]!.properties.code).toBe('CHANGED-0');
    expect(readdirSync(dir)).toHaveLength(2);
    // Read back from its own cache, the changed grid still answers as changed.
    const again = new Locator(layersFromBuffers(fresh(changedBytes), undefined, dir));
    const geometry = removed[0] as unknown as { geometry: { coordinates: number[][][] } };
    const [x0, y0] = geometry.geometry.coordinates[0]![0]!;
    const [x2, y2] = geometry.geometry.coordinates[0]![2]!;
    expect(again.cells.get((x0! + x2!) / 2, (y0! + y2!) / 2)).toBeNull();
    expect(again.cells.items[0]!.code).toBe('CHANGED-0');
  });

  it('builds the grid once per buffer', () => {
    const buffers = fresh();
    expect(layersFromBuffers(buffers, undefined, null).cellIndex).toBe(layersFromBuffers(buffers, undefined, null).cellIndex);
  });

  it('ignores a truncated or foreign cache file and rewrites it', () => {
    const dir = cacheDir();
    layersFromBuffers(fresh(), undefined, dir);
    const file = gridCacheFile(dir, committed.get('grid')!);
    const size = statSync(file).size;
    truncateSync(file, Math.floor(size / 2));
    const layers = layersFromBuffers(fresh(), undefined, dir);
    expect(layers.grid.features.length).toBeGreaterThan(1000);
    expect(statSync(file).size).toBe(size);
  });
});

describe('binary grid cache directory', () => {
  it(`keeps the newest files of the current format only`, async () => {
    const { writeFileSync, utimesSync } = await import('node:fs');
    const dir = cacheDir();
    writeFileSync(join(dir, `grid-${'a'.repeat(64)}.cwgrid01.bin`), 'old format');
    for (let k = 0; k < 7; k++) {
      const f = join(dir, `grid-${String(k).repeat(64)}.cwgrid03.bin`);
      writeFileSync(f, 'stale');
      utimesSync(f, 1000 + k, 1000 + k);
    }
    layersFromBuffers(fresh(), undefined, dir);
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(6);
    expect(left).toContain(gridCacheFile(dir, committed.get('grid')!).split('/').pop());
    expect(left.some((f) => f.includes('cwgrid01'))).toBe(false);
    expect(left.some((f) => f.startsWith('grid-000'))).toBe(false);
  });
});
