// 驿城区's real outline: the county polygon from the ECharts map of 驻马店市, moved from GCJ-02 to
// WGS84 and repaired (the 1/1024° quantisation leaves spikes and self-touching vertices).
import gcoord from 'gcoord';
import type { Areal, Position } from './geojson-types.ts';
import { arealFrom, polygonsOf } from './geojson-types.ts';
import type { DecodedMap } from './echarts-map.ts';
import { repairAreal } from './polygon-ops.ts';

export const YICHENG_CODE = '411702';

export function gcj02ToWgs84(p: Position): Position {
  const [lon, lat] = gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84);
  return [lon, lat];
}

export function districtOutlineWgs84(map: DecodedMap, adcode: string): Areal {
  const feature = map.features.find((f) => f.properties.id === adcode);
  if (!feature) throw new Error(`no outline for ${adcode} in the map source`);
  const wgs = arealFrom(polygonsOf(feature.geometry).map((poly) => poly.map((ring) => ring.map(gcj02ToWgs84))));
  const repaired = repairAreal(wgs);
  if (!repaired) throw new Error(`outline of ${adcode} vanished in repair`);
  return repaired;
}
