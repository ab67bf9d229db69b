// Where problems happen: mostly near the field sites that breed them (markets, school gates,
// construction sites, old compounds …), some sites chronically more than others, the rest spread
// over the unit grid. Construction sites only produce problems while they are being built.
import { CASE_SPOTS } from '../simulator/case-spots.ts';
import type { InspectionSite } from '../review/site-risk.ts';

/** Site categories leaders call hot spots: markets, school gates, construction sites, old compounds. */
const HOT_CATEGORIES = new Set(['S04', 'S06', 'S07', 'S09', 'S10', 'S11']);
const CONSTRUCTION = 'S09';
/** Share of a category's cases that happen near one of its sites (the rest fall anywhere). */
const NEAR_SITE_SHARE = 0.75;
/** Spread of a case around its site, metres (one standard deviation per axis). */
const SPREAD_M = 45;

interface Pool {
  sites: number[];
  cumulative: Float64Array;
}

export interface SpotPicker {
  /** A case position for the category on the day, and the site it is near (or null). */
  pick(category: string, day: number, rand: () => number): { lon: number; lat: number; site: InspectionSite | null };
}

export function spotPicker(
  sites: readonly InspectionSite[], firstDay: number, lastDay: number, background: (rand: () => number) => [number, number],
  rand: () => number,
): SpotPicker {
  // Chronic hot spots: a heavy-tailed weight per site (Pareto, α = 1.3), doubled for hot categories.
  const weight = sites.map((s) => Math.min(40, (1 - rand()) ** (-1 / 1.3)) * (HOT_CATEGORIES.has(s.category) ? 2 : 1));
  // Each construction site is active for four to eight months somewhere in the range.
  const active = sites.map((s) => {
    if (s.category !== CONSTRUCTION) return [-Infinity, Infinity] as const;
    const len = 120 + Math.floor(rand() * 120);
    const start = firstDay - 60 + Math.floor(rand() * Math.max(1, lastDay - firstDay));
    return [start, start + len] as const;
  });
  const pools = new Map<string, Pool>();
  for (const [category, siteCats] of Object.entries(CASE_SPOTS)) {
    const list = sites.flatMap((s, i) => (siteCats.includes(s.category) ? [i] : []));
    let sum = 0;
    pools.set(category, { sites: list, cumulative: Float64Array.from(list, (i) => (sum += weight[i]!)) });
  }
  const kLat = 1 / 110_540;
  return {
    pick(category, day, r) {
      const pool = pools.get(category);
      if (pool?.sites.length && r() < NEAR_SITE_SHARE) {
        for (let tries = 0; tries < 4; tries++) {
          const i = pool.sites[lowerBound(pool.cumulative, r() * pool.cumulative[pool.cumulative.length - 1]!)]!;
          const [from, to] = active[i]!;
          if (day < from || day > to) continue;
          const s = sites[i]!;
          const kLon = kLat / Math.cos((s.lat * Math.PI) / 180);
          return { lon: s.lon + gauss(r) * SPREAD_M * kLon, lat: s.lat + gauss(r) * SPREAD_M * kLat, site: s };
        }
      }
      const [lon, lat] = background(r);
      return { lon, lat, site: null };
    },
  };
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Standard normal (Box–Muller). */
export function gauss(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}
