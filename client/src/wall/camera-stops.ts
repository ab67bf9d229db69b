// The views the idle tour flies between, derived from the configured extent and the districts.
import type { Feature } from 'geojson';
import type { WallConfig } from '../api/types.ts';
import { boundsOf, type Bounds } from '../map/label-points.ts';

export interface CameraStop {
  key: 'overview' | 'centre' | 'district';
  label: { zh: string; en: string };
  bounds: Bounds;
}

/** Half-size in degrees of the city-centre view (about 5 × 5 km around the configured centre). */
const CENTRE_HALF_LON = 0.028;
const CENTRE_HALF_LAT = 0.022;

export function cameraStops(config: WallConfig, districts: readonly Feature[]): CameraStop[] {
  const [lon, lat] = config.center;
  const stops: CameraStop[] = [
    { key: 'overview', label: { zh: '全域总览', en: 'Overview' }, bounds: config.bbox },
    {
      key: 'centre',
      label: { zh: '城区中心', en: 'City centre' },
      bounds: [lon - CENTRE_HALF_LON, lat - CENTRE_HALF_LAT, lon + CENTRE_HALF_LON, lat + CENTRE_HALF_LAT],
    },
  ];
  for (const d of config.districts) {
    const feature = districts.find((f) => (f.properties as { code?: string } | null)?.code === d.code);
    const bounds = feature ? boundsOf([feature]) : null;
    if (bounds) stops.push({ key: 'district', label: { zh: d.zh, en: d.en }, bounds });
  }
  return stops;
}
