// The real township- and village-level units (NBS 2023 codes and names) of the districts in scope,
// with the role labels of their grid chiefs (三级网格长). Geometry is attached elsewhere.
import type { CommunityType, StreetType } from '@cw/shared/domain/places';
import type { DivisionsExtract } from './source-packages.ts';

export interface StreetRecord {
  code: string;
  name: string;
  districtCode: string;
  type: StreetType;
  chief: string;
}

export interface CommunityRecord {
  code: string;
  /** Everyday name (中山街社区, 古城村); the NBS committee name is `nbsName`. */
  name: string;
  nbsName: string;
  streetCode: string;
  districtCode: string;
  type: CommunityType;
  /** The committee that answers for the community's cells (中山街社区居委会). */
  owner: string;
  chief: string;
}

export interface Divisions {
  streets: StreetRecord[];
  communities: CommunityRecord[];
}

/** Role label of a unit's grid chief: the unit's name + 网格长 (人民街街道网格长, 古城村网格长). */
export const chiefOf = (unitName: string): string => `${unitName}网格长`;

export function streetType(name: string): StreetType {
  if (name.endsWith('街道')) return '街道';
  if (name.endsWith('镇')) return '镇';
  if (name.endsWith('乡')) return '乡';
  return '其他';
}

export function communityType(nbsName: string): CommunityType {
  return /村民委员会$|村委会$/.test(nbsName) ? '村委会' : '居委会';
}

/** 中山街社区居民委员会 → 中山街社区, 全庄居民委员会 → 全庄社区, 古城村民委员会 → 古城村. */
export function communityName(nbsName: string): string {
  if (nbsName.endsWith('社区居民委员会')) return nbsName.slice(0, -5);
  if (nbsName.endsWith('居民委员会')) return nbsName.slice(0, -5) + '社区';
  if (nbsName.endsWith('村民委员会')) return nbsName.slice(0, -4);
  if (nbsName.endsWith('村委会')) return nbsName.slice(0, -2);
  return nbsName;
}

export function divisionsOf(extract: DivisionsExtract, districtCodes: readonly string[]): Divisions {
  const inScope = (code: string): boolean => districtCodes.includes(code.slice(0, 6));
  const streets = extract.streets
    .filter(([code]) => inScope(code))
    .map(([code, name]): StreetRecord => ({ code, name, districtCode: code.slice(0, 6), type: streetType(name), chief: chiefOf(name) }));
  const communities = extract.villages
    .filter(([code]) => inScope(code))
    .map(([code, nbsName]): CommunityRecord => {
      const name = communityName(nbsName);
      const type = communityType(nbsName);
      return {
        code,
        name,
        nbsName,
        streetCode: code.slice(0, 9),
        districtCode: code.slice(0, 6),
        type,
        owner: name + type,
        chief: chiefOf(name),
      };
    });
  return { streets, communities };
}
