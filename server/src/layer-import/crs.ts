// Coordinate systems an import may come in, and the transform of each to WGS84. Geographic WGS84 and
// CGCS2000 (EPSG 4326/4490) are taken as they are: the two frames differ by centimetres here. CGCS2000
// Gauss-Krüger (3° zones EPSG 4513–4554, 6° zones 4491–4512, or any WKT transverse Mercator on
// CGCS2000/WGS84) is unprojected with proj4. GCJ-02 and BD-09 cannot be told from the numbers, so the
// user declares them and gcoord removes the offset. Anything else (Beijing 1954, Xian 1980, …) is
// refused: those need transformation parameters only the city's surveyors have.
import proj4 from 'proj4';
import gcoord from 'gcoord';
import { ImportError } from './import-error.ts';

export const DECLARED_CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type DeclaredCrs = (typeof DECLARED_CRS)[number];

export type Transform = (x: number, y: number) => [number, number];

export interface Crs {
  /** What the report says was done, e.g. "CGCS2000 / 3° Gauss-Krüger CM 114E → WGS84". */
  label: string;
  transform: Transform | null;
  projected: boolean;
}

const GEOGRAPHIC: Crs = { label: 'WGS84/CGCS2000 经纬度', transform: null, projected: false };
const GRS80 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

function gaussKruger(centralMeridian: number, falseEasting: number, falseNorthing = 0, scale = 1): Crs {
  const def = `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=${scale} +x_0=${falseEasting} +y_0=${falseNorthing} ${GRS80}`;
  const conv = proj4(def, 'WGS84');
  return {
    label: `CGCS2000 高斯-克吕格 中央经线 ${centralMeridian}°E（东偏 ${falseEasting} m）→ WGS84`,
    transform: (x, y) => conv.forward([x, y]) as [number, number],
    projected: true,
  };
}

/** An EPSG code's system, or null when it is not one we take. */
export function crsFromEpsg(code: number): Crs | null {
  if (code === 4326 || code === 4490 || code === 4479 || code === 4480) return GEOGRAPHIC;
  if (code >= 4513 && code <= 4533) { const zone = 25 + code - 4513; return gaussKruger(zone * 3, zone * 1_000_000 + 500_000); }
  if (code >= 4534 && code <= 4554) return gaussKruger(75 + 3 * (code - 4534), 500_000);
  if (code >= 4491 && code <= 4501) { const zone = 13 + code - 4491; return gaussKruger(zone * 6 - 3, zone * 1_000_000 + 500_000); }
  if (code >= 4502 && code <= 4512) return gaussKruger(75 + 6 * (code - 4502), 500_000);
  return null;
}

const ACCEPTED_DATUM = /WGS[_ ]?(19)?84|China[_ ]2000|CGCS[_ ]?2000|China Geodetic Coordinate System 2000/i;

function parameter(wkt: string, name: RegExp): number | null {
  const re = /PARAMETER\s*\[\s*"([^"]+)"\s*,\s*([-+0-9.eE]+)\s*\]/g;
  for (const m of wkt.matchAll(re)) if (name.test(m[1]!)) return Number(m[2]);
  return null;
}

/** The system a Shapefile's .prj (ESRI or OGC WKT) names. */
export function crsFromPrj(wkt: string): Crs {
  const text = wkt.trim();
  if (!text) throw new ImportError(422, '.prj 文件为空，无法确定坐标系');
  const head = /^(GEOGCS|GEOGCRS|PROJCS|PROJCRS)\s*\[/i.exec(text)?.[1]?.toUpperCase();
  if (!head) throw new ImportError(422, `.prj 不是可识别的 WKT 坐标系定义：${text.slice(0, 60)}`);
  const datum = /DATUM\s*\[\s*"([^"]+)"/i.exec(text)?.[1] ?? '';
  if (!ACCEPTED_DATUM.test(datum)) {
    throw new ImportError(422, `坐标系基准“${datum || '未知'}”不受支持：只接受 CGCS2000 或 WGS84（北京54、西安80 需先由测绘部门转换）`);
  }
  if (head.startsWith('GEOG')) return GEOGRAPHIC;
  const method = /PROJECTION\s*\[\s*"([^"]+)"/i.exec(text)?.[1] ?? /METHOD\s*\[\s*"([^"]+)"/i.exec(text)?.[1] ?? '';
  if (!/transverse[_ ]mercator|gauss[_ ]?kruger/i.test(method)) {
    throw new ImportError(422, `投影“${method || '未知'}”不受支持：只接受高斯-克吕格（横轴墨卡托）投影`);
  }
  // The last UNIT is the projection's (the geographic one sits inside GEOGCS, before it).
  const unit = [...text.matchAll(/UNIT\s*\[\s*"([^"]+)"\s*,\s*([0-9.eE+-]+)/gi)].at(-1);
  if (unit && Math.abs(Number(unit[2]) - 1) > 1e-9) throw new ImportError(422, `投影单位“${unit[1]}”不受支持：只接受米`);
  const cm = parameter(text, /central[_ ]meridian|longitude of natural origin/i);
  const fe = parameter(text, /false[_ ]easting/i);
  if (cm === null || fe === null || !Number.isFinite(cm) || !Number.isFinite(fe) || cm < -180 || cm > 180) {
    throw new ImportError(422, '.prj 缺少中央经线或东偏移参数');
  }
  const fn = parameter(text, /false[_ ]northing/i) ?? 0;
  const k = parameter(text, /scale[_ ]factor/i) ?? 1;
  const lat0 = parameter(text, /latitude[_ ]of[_ ]origin|latitude of natural origin/i) ?? 0;
  if (lat0 !== 0 || !(k > 0.9 && k <= 1.1)) throw new ImportError(422, '.prj 的原点纬度或比例因子不是高斯-克吕格的取值');
  return gaussKruger(cm, fe, fn, k);
}

/** Offsets the user declared on top of the file's own system (web maps traced in GCJ-02 or BD-09). */
export function withDeclared(crs: Crs, declared: DeclaredCrs | undefined): Crs {
  if (declared !== 'gcj02' && declared !== 'bd09') return crs;
  if (crs.projected) throw new ImportError(422, `声明的 ${declared === 'gcj02' ? 'GCJ-02' : 'BD-09'} 是经纬度坐标，但文件是投影坐标：请确认坐标系`);
  const from = declared === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  return {
    label: `${declared === 'gcj02' ? 'GCJ-02（火星坐标）' : 'BD-09（百度坐标）'} → WGS84`,
    transform: (x, y) => gcoord.transform([x, y], from, gcoord.WGS84) as [number, number],
    projected: false,
  };
}

export const geographic = (): Crs => GEOGRAPHIC;

/** A GeoJSON file's legacy `crs` member ("EPSG:4547", "urn:ogc:def:crs:EPSG::4490", CRS84). */
export function crsFromGeoJsonMember(member: unknown): Crs {
  const name = (member as { properties?: { name?: unknown } } | null)?.properties?.name;
  if (typeof name !== 'string') return GEOGRAPHIC;
  if (/CRS84$/i.test(name)) return GEOGRAPHIC;
  const code = /EPSG:{1,2}(\d{4,5})$/i.exec(name)?.[1];
  const crs = code ? crsFromEpsg(Number(code)) : null;
  if (!crs) throw new ImportError(422, `GeoJSON 声明的坐标系 ${name.slice(0, 80)} 不受支持`);
  return crs;
}
