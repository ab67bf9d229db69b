// The administrative areas in scope: the real 驿城区 outline with the approximate 开发区 carved out of
// it, and a generated plausible partition of each district into its real streets and of each street
// into its real communities (names and codes real, shapes approximate).
import type { Areal } from './geojson-types.ts';
import type { DecodedMap } from './echarts-map.ts';
import type { Divisions, StreetRecord } from './divisions.ts';
import { districtOutlineWgs84, YICHENG_CODE } from './district-outline.ts';
import { DEV_ZONE_CODE, DEV_ZONE_OUTLINE } from './dev-zone-outline.ts';
import { differenceAreal, intersectAreal } from './polygon-ops.ts';
import { partitionByPower, type Partition, type PartitionSite } from './power-partition.ts';
import { communitySites } from './community-seats.ts';
import { CITY_CENTRE, STREET_SEATS } from './street-layout.ts';
import { localPlane } from './planar.ts';
import { roundAreal } from './precision.ts';
import { shareBorders } from './shared-borders.ts';

export interface AdminAreas {
  /** 驿城区 as published, before 开发区 is carved out. */
  yichengUncarved: Areal;
  districts: Map<string, Areal>;
  streets: Map<string, Areal>;
  communities: Map<string, Areal>;
  /** Worst relative miss of a planned street / community area (diagnostics for the manifest). */
  worstStreetAreaError: number;
  worstCommunityAreaError: number;
}

/** The districts this build has sources for; others in DISTRICTS are added by importing their data. */
export const BUILT_DISTRICTS: readonly string[] = [YICHENG_CODE, DEV_ZONE_CODE];

const PLANE = localPlane(CITY_CENTRE[0]!, CITY_CENTRE[1]!);

export function buildAdminAreas(map: DecodedMap, divisions: Divisions): AdminAreas {
  const yichengUncarved = districtOutlineWgs84(map, YICHENG_CODE);
  const devZone = must(intersectAreal(DEV_ZONE_OUTLINE, yichengUncarved), '开发区 outside 驿城区');
  const yicheng = must(differenceAreal(yichengUncarved, devZone), 'carving 开发区 left nothing');
  const districts = new Map<string, Areal>([
    [YICHENG_CODE, yicheng],
    [DEV_ZONE_CODE, devZone],
  ]);

  const streets = new Map<string, Areal>();
  let worstStreetAreaError = 0;
  for (const [districtCode, area] of districts) {
    const members = divisions.streets.filter((s) => s.districtCode === districtCode);
    const p = partitionStreets(area, members);
    worstStreetAreaError = Math.max(worstStreetAreaError, p.worstAreaError);
    for (const [code, g] of p.regions) streets.set(code, g);
  }

  const communities = new Map<string, Areal>();
  let worstCommunityAreaError = 0;
  for (const street of divisions.streets) {
    const area = streets.get(street.code)!;
    const members = divisions.communities.filter((c) => c.streetCode === street.code);
    if (members.length === 0) throw new Error(`street ${street.code} has no communities`);
    const core = street.type === '街道' ? CITY_CENTRE : STREET_SEATS[street.code]!.seat;
    const sites = communitySites(street, area, members, core, PLANE);
    const p = partitionByPower(area, sites, SPREAD);
    worstCommunityAreaError = Math.max(worstCommunityAreaError, p.worstAreaError);
    for (const [code, g] of p.regions) communities.set(code, g);
  }

  const keys = [...districts.keys(), ...streets.keys(), ...communities.keys()];
  const shared = shareBorders([...districts.values(), ...streets.values(), ...communities.values()]);
  const rounded = new Map(keys.map((code, i) => [code, must(roundAreal(shared[i]!), `${code} vanished when rounded`)]));
  const pick = (m: Map<string, Areal>): Map<string, Areal> => new Map([...m.keys()].map((code) => [code, rounded.get(code)!]));
  return {
    yichengUncarved: must(roundAreal(yichengUncarved), '驿城区 vanished when rounded'),
    districts: pick(districts),
    streets: pick(streets),
    communities: pick(communities),
    worstStreetAreaError,
    worstCommunityAreaError,
  };
}

/** Grows the urban 街道 together first, as one built-up core around their seats, then splits the core
 *  among them; otherwise large townships, being heavy in the power diagram, squeeze between the
 *  small urban streets. */
function partitionStreets(area: Areal, members: readonly StreetRecord[]): Partition {
  const site = (s: StreetRecord): PartitionSite => {
    const seat = STREET_SEATS[s.code];
    if (!seat) throw new Error(`no seat planned for street ${s.code} ${s.name}`);
    return { id: s.code, seat: seat.seat, share: seat.plannedKm2 };
  };
  const urban = members.filter((s) => s.type === '街道').map(site);
  const others = members.filter((s) => s.type !== '街道').map(site);
  if (urban.length < 2 || others.length === 0) return partitionByPower(area, [...urban, ...others], SEATED);

  const coreShare = urban.reduce((sum, s) => sum + s.share, 0);
  const coreSeat = [0, 1].map((k) => urban.reduce((sum, s) => sum + s.seat[k]! * s.share, 0) / coreShare);
  const outer = partitionByPower(area, [{ id: CORE, seat: coreSeat, share: coreShare }, ...others], SEATED);
  const inner = partitionByPower(outer.regions.get(CORE)!, urban, SEATED);
  const regions = new Map(outer.regions);
  regions.delete(CORE);
  for (const [code, g] of inner.regions) regions.set(code, g);
  return { regions, worstAreaError: Math.max(outer.worstAreaError, inner.worstAreaError) };
}

const CORE = 'urban-core';
/** Street seats are (roughly) real places: sites may only drift a little toward their cells' centres. */
const SEATED = { plane: PLANE, relax: 0.2, maxDrift: 0.25 };
/** Community seats are made up: let them settle into compact, even cells. */
const SPREAD = { plane: PLANE, relax: 0.3, maxDrift: 2 };

function must<T>(value: T | null, message: string): T {
  if (value === null) throw new Error(message);
  return value;
}
