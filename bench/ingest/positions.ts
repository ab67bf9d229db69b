// Where the simulated devices are: a fixed pseudo-random spot each in the urban core of 驿城区 and
// 开发区, and a walk of WALK steps from it, over and over. Every step moves 3e-5° north, on the
// frames' 1e-5° lattice, so a received fix tells which step of the walk it carries.
const WEST = 113.95;
const SOUTH = 32.92;
const SPAN_LON = 0.13;
const SPAN_LAT = 0.13;
/** Reports of one device in a walk; a fix is told apart from the WALK - 1 reports around it. */
export const WALK = 50;
const STEP_LAT_E5 = 3;

function hash01(k: number, salt: number): number {
  let h = Math.imul(k ^ salt, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 2 ** 32;
}

export function deviceId(prefix: string, k: number): string {
  return `${prefix}${k}`;
}

function startLatE5(k: number): number {
  return Math.round((SOUTH + hash01(k, 2) * SPAN_LAT) * 1e5);
}

/** Position of device k at its report number `step`. */
export function positionOf(k: number, step: number): { lon: number; lat: number } {
  const s = step % WALK;
  return {
    lon: Math.round((WEST + hash01(k, 1) * SPAN_LON) * 1e5 + s * 2) / 1e5,
    lat: (startLatE5(k) + s * STEP_LAT_E5) / 1e5,
  };
}

/** Which step of the walk (0..WALK-1) a latitude of device k is, or -1 if none. */
export function walkStep(k: number, lat: number): number {
  const d = Math.round(lat * 1e5) - startLatE5(k);
  return d >= 0 && d % STEP_LAT_E5 === 0 && d / STEP_LAT_E5 < WALK ? d / STEP_LAT_E5 : -1;
}
