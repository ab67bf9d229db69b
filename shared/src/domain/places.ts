// The districts the product covers, and the grid chain that holds each level to account.
export interface DistrictInfo {
  code: string;
  zh: string;
  en: string;
}

/** Covered first; others (高新区, 示范区) are added as data. 开发区 has no county-level adcode of its
 *  own in GB/T 2260 but is coded 411771 in the NBS division codes. */
export const DISTRICTS: readonly DistrictInfo[] = [
  { code: '411702', zh: '驿城区', en: 'Yicheng District' },
  { code: '411771', zh: '经济开发区', en: 'Economic Development Zone' },
];

/** 三级网格长: who answers for a grid cell at each level. Escalation (督办) climbs this chain. */
export type GridLevel = 'community' | 'street' | 'district';
export const GRID_LEVELS: readonly GridLevel[] = ['community', 'street', 'district'];

export const GRID_LEVEL_LABEL: Record<GridLevel, { zh: string; en: string }> = {
  community: { zh: '社区网格长', en: 'Community grid chief' },
  street: { zh: '街道网格长', en: 'Street grid chief' },
  district: { zh: '区级网格长', en: 'District grid chief' },
};

/** Township-level unit types, as the NBS names end. */
export type StreetType = '街道' | '镇' | '乡' | '其他';
export type CommunityType = '居委会' | '村委会';
