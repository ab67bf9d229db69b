// Demo inspection sites (实地测评点位) in all 38 categories, placed by the site plan inside the streets
// the unit grid covers. Seeded, so every rebuild places the same sites.
import * as turf from '@turf/turf';
import type { SiteReadiness } from '@cw/shared/domain/site-categories';
import { SITE_READINESS } from '@cw/shared/domain/site-categories';
import type { Areal, Feature, LineString, Point, Position } from './geojson-types.ts';
import type { CommunityRecord, StreetRecord } from './divisions.ts';
import { AreaIndex } from './area-index.ts';
import { seededRandom, type Random } from './prng.ts';
import { randomPointIn } from './random-points.ts';
import { roundPosition } from './precision.ts';
import { CITY_CENTRE } from './street-layout.ts';
import { ROADS, roadCrossings, type RoadSection } from './road-sections.ts';
import type { SiteContext, SitePlan } from './site-plan.ts';
import type { ImportedSite } from './imports.ts';

export interface InspectionPointProps {
  id: string;
  code: string;
  name: string;
  category: string;
  street: string;
  community: string;
  district: string;
  readiness: SiteReadiness;
  /** True for generated demo sites, false for imported real ones. */
  demo: boolean;
}

export interface SiteArea {
  record: CommunityRecord;
  street: StreetRecord;
  geometry: Areal;
}

export interface SiteWorld {
  /** Communities sites may be placed in. */
  communities: readonly SiteArea[];
  roadSections: readonly RoadSection[];
  rivers: readonly Feature<LineString, { name: string }>[];
}

const READINESS_WEIGHT: Record<SiteReadiness, number> = { ready: 0.6, attention: 0.28, failing: 0.12 };

interface Spot { at: Position; ctx: Omit<SiteContext, 'n' | 'rng' | 'street' | 'community'> }

export function buildInspectionPoints(world: SiteWorld, plans: readonly SitePlan[]): Feature<Point, InspectionPointProps>[] {
  const index = new AreaIndex(world.communities.map((c) => ({ geometry: c.geometry, value: c })));
  const out: Feature<Point, InspectionPointProps>[] = [];
  const names = new Set<string>();
  for (const plan of plans) {
    const rng = seededRandom(`sites:${plan.category}`);
    const spots = spotsFor(plan, world, index, rng);
    spots.forEach((spot, i) => {
      const area = index.find(spot.at);
      if (!area) throw new Error(`${plan.category} site ${i + 1} fell outside the covered communities`);
      let name = plan.name({ ...spot.ctx, n: i + 1, rng, street: area.street, community: area.record });
      for (let k = 2; names.has(name); k++) name = `${name.replace(/（\d+）$/, '')}（${k}）`;
      names.add(name);
      out.push({
        type: 'Feature',
        properties: {
          id: `IP${String(out.length + 1).padStart(4, '0')}`,
          code: `${plan.category}-${String(i + 1).padStart(3, '0')}`,
          name,
          category: plan.category,
          street: area.street.code,
          community: area.record.code,
          district: area.record.districtCode,
          readiness: rng.weighted(SITE_READINESS, (r) => READINESS_WEIGHT[r]),
          demo: true,
        },
        geometry: { type: 'Point', coordinates: roundPosition(spot.at) },
      });
    });
  }
  return out;
}

/** Imported sites, with their street, community and district looked up. */
export function importedInspectionPoints(sites: readonly ImportedSite[], communities: readonly SiteArea[]): Feature<Point, InspectionPointProps>[] {
  const index = new AreaIndex(communities.map((c) => ({ geometry: c.geometry, value: c })));
  const perCategory = new Map<string, number>();
  return sites.map((site, i) => {
    const area = index.find(site.at);
    if (!area) throw new Error(`imported inspection point ${site.name} lies outside every community`);
    const n = (perCategory.get(site.category) ?? 0) + 1;
    perCategory.set(site.category, n);
    return {
      type: 'Feature',
      properties: {
        id: site.id ?? `IP${String(i + 1).padStart(4, '0')}`,
        code: site.code ?? `${site.category}-${String(n).padStart(3, '0')}`,
        name: site.name,
        category: site.category,
        street: area.street.code,
        community: area.record.code,
        district: area.record.districtCode,
        readiness: site.readiness,
        demo: false,
      },
      geometry: { type: 'Point', coordinates: roundPosition(site.at) },
    };
  });
}

function spotsFor(plan: SitePlan, world: SiteWorld, index: AreaIndex<SiteArea>, rng: Random): Spot[] {
  const p = plan.placement;
  const count = plan.count === 'per-street' ? 0 : plan.count;
  const covered = (at: Position): boolean => index.find(at) !== null;
  switch (p.kind) {
    case 'community': {
      const pool = world.communities.filter((c) => p.weight(c.record, c.street) > 0);
      const used = new Set<SiteArea>();
      const spots: Spot[] = [];
      for (let k = 0; k < count; k++) {
        const fresh = p.distinct ? pool.filter((c) => !used.has(c)) : pool;
        const c = rng.weighted(fresh.length ? fresh : pool, (x) => p.weight(x.record, x.street));
        used.add(c);
        spots.push({ at: randomPointIn(c.geometry, rng), ctx: {} });
      }
      return spots;
    }
    case 'street': {
      const streets = [...new Map(world.communities.map((c) => [c.street.code, c.street])).values()];
      return streets.map((street) => {
        const own = world.communities.filter((c) => c.street.code === street.code);
        const residential = own.filter((c) => c.record.type === '居委会');
        return { at: randomPointIn(rng.pick(residential.length ? residential : own).geometry, rng), ctx: {} };
      });
    }
    case 'named': {
      return p.districts.map((district) => {
        const pool = world.communities.filter((c) => c.record.type === '居委会' && (!district || c.record.districtCode === district));
        return { at: randomPointIn(rng.pick(pool).geometry, rng), ctx: {} };
      });
    }
    case 'fixed':
      return p.at.map((at) => {
        if (!covered(at)) throw new Error(`${plan.category} fixed site ${at.join(',')} is outside the covered communities`);
        return { at, ctx: {} };
      });
    case 'road':
      return sample(count, () => {
        const s = rng.pick(world.roadSections);
        const line = s.feature.geometry;
        const at = turf.along(line, rng.next() * turf.length(s.feature)).geometry.coordinates;
        const ends = [s.from, s.to].filter((name) => ROADS.some((r) => r.name === name));
        return { at, ctx: { road: s.road, ...(ends.length ? { crossRoad: rng.pick(ends) } : {}) } };
      }, covered);
    case 'river':
      return sample(count, () => {
        const river = rng.weighted(world.rivers, (r) => turf.length(r));
        const along = turf.along(river, rng.next() * turf.length(river)).geometry.coordinates;
        // A little off the centreline, on the bank.
        const at = turf.destination(along, rng.range(0.01, 0.03), rng.range(-180, 180)).geometry.coordinates;
        return { at, ctx: { river: river.properties.name } };
      }, covered);
    case 'crossing': {
      const all = roadCrossings().filter((c) => covered(c.point));
      return shuffle(all, rng).slice(0, count).map((c) => ({ at: c.point, ctx: { road: c.roads[0], crossRoad: c.roads[1] } }));
    }
    case 'gateway': {
      const ends = ROADS.flatMap((r) => [r.path[0]!, r.path[r.path.length - 1]!].map((at) => ({ at, road: r.name })))
        .filter((e) => covered(e.at))
        .sort((a, b) => turf.distance(b.at, CITY_CENTRE) - turf.distance(a.at, CITY_CENTRE));
      return ends.slice(0, count).map((e) => ({ at: e.at, ctx: { road: e.road, direction: directionFromCentre(e.at) } }));
    }
  }
}

/** Draws until `count` spots land inside the covered area. */
function sample(count: number, draw: () => Spot, keep: (at: Position) => boolean): Spot[] {
  const out: Spot[] = [];
  for (let tries = 0; out.length < count; tries++) {
    if (tries > count * 200) throw new Error('could not place enough sites inside the covered communities');
    const spot = draw();
    if (keep(spot.at)) out.push(spot);
  }
  return out;
}

function shuffle<T>(items: readonly T[], rng: Random): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function directionFromCentre(at: Position): string {
  const b = turf.bearing(CITY_CENTRE, at);
  if (b >= -45 && b < 45) return '北';
  if (b >= 45 && b < 135) return '东';
  if (b >= -135 && b < -45) return '西';
  return '南';
}
