// Features (with the properties the server reads) for the district, street and community layers.
import * as turf from '@turf/turf';
import { DISTRICTS } from '@cw/shared/domain/places';
import type { CommunityType, StreetType } from '@cw/shared/domain/places';
import type { Areal, Feature } from './geojson-types.ts';
import type { AdminAreas } from './admin-areas.ts';
import { chiefOf, type Divisions } from './divisions.ts';
import { DEV_ZONE_CODE, DEV_ZONE_NOTE } from './dev-zone-outline.ts';
import { ECHARTS_CITIES } from './source-packages.ts';

export interface DistrictProps {
  code: string;
  name: string;
  nameEn: string;
  approximate: boolean;
  note: string;
  chief: string;
  areaKm2: number;
  /** Area before 开发区 was carved out (驿城区 as published); equal to areaKm2 for 开发区. */
  areaKm2Uncarved: number;
}

export interface StreetProps {
  code: string;
  name: string;
  districtCode: string;
  type: StreetType;
  chief: string;
  /** False once the outline is imported from an authoritative source. */
  approximate: boolean;
}

export interface CommunityProps {
  code: string;
  name: string;
  /** The NBS committee name (中山街社区居民委员会). */
  nbsName: string;
  streetCode: string;
  districtCode: string;
  type: CommunityType;
  chief: string;
  /** False once the outline is imported from an authoritative source. */
  approximate: boolean;
}

const yichengNote = (devZoneDrawn: boolean): string =>
  `真实行政边界（${ECHARTS_CITIES.name} ${ECHARTS_CITIES.version}，GCJ-02 转 WGS84），已扣除经济开发区${devZoneDrawn ? '（其边界为近似）' : ''}。` +
  `Real outline, moved from GCJ-02 to WGS84, with the ${devZoneDrawn ? '(approximate) ' : ''}开发区 carved out.`;

const IMPORTED_NOTE = '边界导入自 data/imports/。Outline imported from data/imports/.';

const km2 = (g: Areal): number => Math.round(turf.area(g) / 1e4) / 100;

export function districtFeatures(areas: AdminAreas): Feature<Areal, DistrictProps>[] {
  return DISTRICTS.filter((d) => areas.districts.has(d.code)).map((d) => {
    const geometry = areas.districts.get(d.code)!;
    const dev = d.code === DEV_ZONE_CODE;
    const drawn = dev && !areas.imported.has(d.code);
    return {
      type: 'Feature',
      properties: {
        code: d.code,
        name: d.zh,
        nameEn: d.en,
        approximate: drawn,
        note: areas.imported.has(d.code) ? IMPORTED_NOTE : drawn ? DEV_ZONE_NOTE : yichengNote(!areas.imported.has(DEV_ZONE_CODE)),
        chief: chiefOf(d.zh),
        areaKm2: km2(geometry),
        areaKm2Uncarved: dev ? km2(geometry) : km2(areas.yichengUncarved),
      },
      geometry,
    };
  });
}

export function streetFeatures(areas: AdminAreas, divisions: Divisions): Feature<Areal, StreetProps>[] {
  return divisions.streets.map((s) => ({
    type: 'Feature',
    properties: { code: s.code, name: s.name, districtCode: s.districtCode, type: s.type, chief: s.chief, approximate: !areas.imported.has(s.code) },
    geometry: areas.streets.get(s.code)!,
  }));
}

export function communityFeatures(areas: AdminAreas, divisions: Divisions): Feature<Areal, CommunityProps>[] {
  return divisions.communities.map((c) => ({
    type: 'Feature',
    properties: {
      code: c.code,
      name: c.name,
      nbsName: c.nbsName,
      streetCode: c.streetCode,
      districtCode: c.districtCode,
      type: c.type,
      chief: c.chief,
      approximate: !areas.imported.has(c.code),
    },
    geometry: areas.communities.get(c.code)!,
  }));
}
