// A locator over a tiny hand-made territory, for tests that need places but not the real map.
import { Locator } from '../geo/locator.ts';

const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

export function fakeLocator(): Locator {
  return new Locator({
    districts: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '411702', name: '驿城区' }, geometry: square(114, 32.9, 114.1, 33) }] },
    streets: { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { code: '411702001', name: '西', districtCode: '411702', type: '街道', chief: '' }, geometry: square(114, 32.9, 114.05, 33) },
      { type: 'Feature', properties: { code: '411702002', name: '东', districtCode: '411702', type: '街道', chief: '' }, geometry: square(114.05, 32.9, 114.1, 33) },
    ] },
    communities: { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { code: '411702001001', name: '甲', streetCode: '411702001', districtCode: '411702', type: '居委会', chief: '' }, geometry: square(114, 32.9, 114.05, 33) },
      { type: 'Feature', properties: { code: '411702002001', name: '乙', streetCode: '411702002', districtCode: '411702', type: '居委会', chief: '' }, geometry: square(114.05, 32.9, 114.1, 33) },
    ] },
    grid: { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { code: '4117020010010001', community: '411702001001', street: '411702001', district: '411702', areaM2: 10000, owner: '甲' }, geometry: square(114.01, 32.95, 114.011, 32.951) },
    ] },
  });
}
