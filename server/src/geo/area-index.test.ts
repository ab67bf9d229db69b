import { describe, expect, it } from 'vitest';
import { AreaIndex, type AreaFeature } from './area-index.ts';

const box = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const tri = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [w, n], [w, s]]] });

function lattice(cols: number, rows: number, clipEvery: number): AreaFeature<{ id: number }>[] {
  const out: AreaFeature<{ id: number }>[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    const w = 114 + c * 0.001, s = 32.9 + r * 0.0009;
    const id = out.length;
    // Some cells are cut by a boundary: a triangle, leaving the other half to nobody.
    out.push({ properties: { id }, geometry: id % clipEvery === 0 ? tri(w, s, w + 0.001, s + 0.0009) : box(w, s, w + 0.001, s + 0.0009) });
  }
  return out;
}

describe('AreaIndex', () => {
  it('answers point lookups the same with the bucket grid (many cells) as a brute-force scan', () => {
    const features = lattice(80, 60, 7);
    const index = new AreaIndex(features);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 5000; k++) {
      const lon = 113.999 + rand() * 0.082, lat = 32.899 + rand() * 0.056;
      const c = Math.floor((lon - 114) / 0.001), r = Math.floor((lat - 32.9) / 0.0009);
      let expected = -1;
      if (c >= 0 && c < 80 && r >= 0 && r < 60) {
        const id = r * 80 + c;
        const fx = (lon - (114 + c * 0.001)) / 0.001, fy = (lat - (32.9 + r * 0.0009)) / 0.0009;
        expected = id % 7 === 0 ? (fx + fy < 1 ? id : -1) : id;
      }
      const got = index.find(lon, lat);
      // Points exactly on a shared edge may go to either neighbour; random points never are.
      expect(got, `${lon},${lat}`).toBe(expected);
    }
  });

  it('uses Flatbush for a few large areas and finds nothing outside', () => {
    const index = new AreaIndex([{ properties: { id: 0 }, geometry: box(0, 0, 10, 10) }, { properties: { id: 1 }, geometry: tri(10, 0, 20, 10) }]);
    expect(index.get(5, 5)?.id).toBe(0);
    expect(index.get(11, 1)?.id).toBe(1);
    expect(index.get(19, 9)).toBeNull();
    expect(index.find(-1, -1)).toBe(-1);
  });
});
