// Distance and compass bearing from the phone to a task, for "navigate" on a closed network where
// no map app can be opened: the patrol walks by direction and distance and reads the address.
const EARTH_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

export function distanceM(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial bearing in degrees clockwise from north, 0–360. */
export function bearingDeg(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const y = Math.sin(rad(b.lon - a.lon)) * Math.cos(rad(b.lat));
  const x = Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) - Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lon - a.lon));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

const POINTS = {
  zh: ['北', '东北', '东', '东南', '南', '西南', '西', '西北'],
  en: ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'],
} as const;

/** The nearest of eight compass points. */
export function compassPoint(deg: number, lang: 'zh' | 'en'): string {
  return POINTS[lang][Math.round((((deg % 360) + 360) % 360) / 45) % 8]!;
}

export function formatDistance(m: number, lang: 'zh' | 'en'): string {
  if (m < 1000) return lang === 'zh' ? `${Math.round(m)} 米` : `${Math.round(m)} m`;
  const km = (m / 1000).toFixed(m < 10_000 ? 1 : 0);
  return lang === 'zh' ? `${km} 公里` : `${km} km`;
}
