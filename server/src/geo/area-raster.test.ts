import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { AreaIndex, type AreaFeature } from './area-index.ts';
import { pointInPolygon, polygonsOf } from './point-in-polygon.ts';

const dataDir = join(fileURLToPath(new URL('.', import.meta.url)), '../../../data');
const layer = (name: string) => (JSON.parse(readFileSync(join(dataDir, `${name}.geojson`), 'utf8')) as { features: AreaFeature<{ code: string }>[] }).features;

describe('AreaIndex raster of cached answers (few large areas)', () => {
  it.each(['districts', 'streets', 'communities'])('answers random points in the %s as a brute-force polygon scan, asked twice', (name) => {
    const features = layer(name);
    const index = new AreaIndex(features);
    const polys = features.map((f) => polygonsOf(f.geometry));
    const brute = (x: number, y: number) => {
      const hits = polys.flatMap((p, i) => (p.some((r) => pointInPolygon(x, y, r)) ? [i] : []));
      return hits;
    };
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const i of features.keys()) { const b = index.bbox(i); w = Math.min(w, b[0]); s = Math.min(s, b[1]); e = Math.max(e, b[2]); n = Math.max(n, b[3]); }
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const points = Array.from({ length: 8_000 }, () => [w - 0.01 + rand() * (e - w + 0.02), s - 0.01 + rand() * (n - s + 0.02)] as const);
    let inside = 0;
    // Twice: the first pass fills the raster, the second answers from it.
    for (let pass = 0; pass < 2; pass++) for (const [x, y] of points) {
      const hits = brute(x, y);
      const got = index.find(x, y);
      if (hits.length) { inside++; expect(hits, `${x},${y}`).toContain(got); } else expect(got, `${x},${y}`).toBe(-1);
    }
    expect(inside).toBeGreaterThan(500);
    expect(index.find(NaN, 33)).toBe(-1);
  });
});
