// The views the wall shows: its home view (the city's urban street offices, where patrols and
// problems concentrate) and the stops of the idle tour: the whole area, the city centre, and each
// district small enough to deserve its own view (开发区).
import type { Feature } from 'geojson';
import type { WallConfig } from '../api/types.ts';
import { boundsOf, type Bounds } from '../map/label-points.ts';

export interface CameraStop {
  key: 'overview' | 'centre' | 'district';
  label: { zh: string; en: string };
  bounds: Bounds;
}

/** Half-size in degrees of the fallback city view (about 5 × 5 km around the configured centre). */
const CENTRE_HALF_LON = 0.028;
const CENTRE_HALF_LAT = 0.022;
/** Street offices (街道) are urban; towns and townships (镇/乡) are the countryside around. */
const URBAN_STREET_TYPE = '街道';

const area = (b: Bounds) => (b[2] - b[0]) * (b[3] - b[1]);

export function cityBounds(config: WallConfig, streets: readonly Feature[]): Bounds {
  const urban = streets.filter((f) => (f.properties as { type?: string } | null)?.type === URBAN_STREET_TYPE);
  const [lon, lat] = config.center;
  return boundsOf(urban) ?? [lon - CENTRE_HALF_LON, lat - CENTRE_HALF_LAT, lon + CENTRE_HALF_LON, lat + CENTRE_HALF_LAT];
}

export function cameraStops(config: WallConfig, districts: readonly Feature[], streets: readonly Feature[]): CameraStop[] {
  const stops: CameraStop[] = [
    { key: 'overview', label: { zh: '全域总览', en: 'Overview' }, bounds: config.bbox },
    { key: 'centre', label: { zh: '城区中心', en: 'City centre' }, bounds: cityBounds(config, streets) },
  ];
  for (const d of config.districts) {
    const feature = districts.find((f) => (f.properties as { code?: string } | null)?.code === d.code);
    const bounds = feature ? boundsOf([feature]) : null;
    if (bounds && area(bounds) < area(config.bbox) / 2) stops.push({ key: 'district', label: { zh: d.zh, en: d.en }, bounds });
  }
  return stops;
}
