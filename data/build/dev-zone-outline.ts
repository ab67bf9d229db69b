// 经济开发区 (411771) has no published outline. This one is drawn by hand from general knowledge of
// where it lies (south-west of the city centre, around 关王庙乡 and the 开源/金河/金山 streets) at a
// plausible size (~73 km²). It is an approximation, labelled so in the data, and is replaced by
// importing the authoritative outline (see data/README.md).
import type { Polygon } from './geojson-types.ts';

export const DEV_ZONE_CODE = '411771';

export const DEV_ZONE_NOTE =
  '近似边界：手绘示意，非官方界线；可导入权威边界替换（data/README.md）。Hand-drawn approximation, not the official boundary; replace by importing the authoritative outline.';

/** WGS84, counter-clockwise. */
export const DEV_ZONE_OUTLINE: Polygon = {
  type: 'Polygon',
  coordinates: [[
    [114.012, 32.962], [113.998, 32.967], [113.975, 32.969], [113.95, 32.964], [113.928, 32.951],
    [113.914, 32.93], [113.916, 32.905], [113.932, 32.891], [113.958, 32.885], [113.986, 32.888],
    [114.006, 32.899], [114.018, 32.918], [114.021, 32.942], [114.012, 32.962],
  ]],
};
