// Which streets the committed unit grid covers: the built-up centre of 驿城区 (its 街道) and all of
// 开发区. The scale test (`--full-grid`) covers every street of both, i.e. 驿城区 as published.
import { DEV_ZONE_CODE } from './dev-zone-outline.ts';
import { YICHENG_CODE } from './district-outline.ts';
import type { StreetRecord } from './divisions.ts';

export function inCommittedGrid(street: StreetRecord): boolean {
  return street.districtCode === DEV_ZONE_CODE || (street.districtCode === YICHENG_CODE && street.type === '街道');
}
