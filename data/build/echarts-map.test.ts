import { describe, expect, it } from 'vitest';
import { decodeMap, decodeRing, extractRegisteredMap, type CompressedMap } from './echarts-map.ts';

/** The inverse of decodeRing (as ECharts' encoder does it), to build test input. */
function encodeRing(points: [number, number][], scale = 1024): { encoded: string; offset: number[] } {
  const q = points.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as const);
  let [px, py] = q[0]!;
  const offset = [px, py];
  let encoded = '';
  for (const [x, y] of q) {
    for (const d of [x - px, y - py]) encoded += String.fromCharCode(((d << 1) ^ (d >> 31)) + 64);
    px = x;
    py = y;
  }
  return { encoded, offset };
}

describe('ECharts compressed map decoding', () => {
  it('round-trips ZigZag deltas at 1/1024 degree', () => {
    const u = (k: number): number => k / 1024;
    const ring: [number, number][] = [[u(116736), u(33690)], [u(116747), u(33690)], [u(116747), u(33600)], [u(116736), u(33690)]];
    const { encoded, offset } = encodeRing(ring);
    expect(decodeRing(encoded, offset, 1024)).toEqual(ring);
  });

  it('decodes a known pair: "@@" is no move, "AB" is (−1, +1) units', () => {
    expect(decodeRing('@@AB', [1024, 2048], 1024)).toEqual([[1, 2], [1023 / 1024, 2049 / 1024]]);
  });

  it('finds the registered map object even with braces inside strings', () => {
    const script = `(function(){ if (!echarts) {log('x');} echarts.registerMap('驻马店', {"type":"FeatureCollection","features":[{"type":"Feature","id":"1","properties":{"name":"a}{b"},"geometry":{"type":"Polygon","coordinates":["@@"],"encodeOffsets":[[0,0]]}}],"UTF8Encoding":true});}));`;
    const map = extractRegisteredMap(script);
    expect(map.features[0]!.properties.name).toBe('a}{b');
    expect(decodeMap(map).features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [[[0, 0]]] });
  });

  it('passes uncompressed maps through', () => {
    const map = { type: 'FeatureCollection', UTF8Encoding: false, features: [{ type: 'Feature', id: '9', properties: { name: 'n' }, geometry: { type: 'Polygon', coordinates: [[[1, 2]]] } }] } as unknown as CompressedMap;
    expect(decodeMap(map).features[0]!.geometry.coordinates).toEqual([[[1, 2]]]);
  });
});
