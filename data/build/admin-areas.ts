// The administrative areas in scope: the real 驿城区 outline with the approximate 开发区 carved out of
// it, and a generated plausible partition of each district into its real streets and of each street
// into its real communities (names and codes real, shapes approximate). Outlines found in
// data/imports/ replace the drawn or generated ones unit by unit.
import type { Areal } from './geojson-types.ts';
import type { DecodedMap } from './echarts-map.ts';
import type { Divisions, StreetRecord } from './divisions.ts';
import { districtOutlineWgs84, YICHENG_CODE } from './district-outline.ts';
import { DEV_ZONE_CODE, DEV_ZONE_OUTLINE } from './dev-zone-outline.ts';
import { differenceAreal, intersectAreal, unionAreal } from './polygon-ops.ts';
import { NO_IMPORTS, type Imports } from './imports.ts';
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
  /** Codes of the units whose outline was imported rather than drawn or generated. */
  imported: Set<string>;
  /** Worst relative miss of a planned street / community area (diagnostics for the manifest). */
  worstStreetAreaError: number;
  worstCommunityAreaError: number;
}

/** The districts this build has sources for; others in DISTRICTS are added by importing their data. */
export const BUILT_DISTRICTS: readonly string[] = [YICHENG_CODE, DEV_ZONE_CODE];

const PLANE = localPlane(CITY_CENTRE[0]!, CITY_CENTRE[1]!);
/** Street seats are (roughly) real places: sites may only drift a little toward their cells' centres. */
const SEATED = { plane: PLANE, relax: 0.2, maxDrift: 0.25 };
/** Community seats are made up: let them settle into compact, even cells. */
const SPREAD = { plane: PLANE, relax: 0.3, maxDrift: 2 };
const CORE = 'urban-core';

export function buildAdminAreas(map: DecodedMap, divisions: Divisions, imports: Imports = NO_IMPORTS): AdminAreas {
  const imported = new Set([...imports.outlines.keys()]);
  const yichengUncarved = imports.outlines.get(YICHENG_CODE) ?? districtOutlineWgs84(map, YICHENG_CODE);
  const devZone = must(intersectAreal(imports.outlines.get(DEV_ZONE_CODE) ?? DEV_ZONE_OUTLINE, yichengUncarved), '开发区 outside 驿城区');
  const yicheng = must(differenceAreal(yichengUncarved, devZone), 'carving 开发区 left nothing');
  const districts = new Map<string, Areal>([
    [YICHENG_CODE, yicheng],
    [DEV_ZONE_CODE, devZone],
  ]);

  const streets = new Map<string, Areal>();
  let worstStreetAreaError = 0;
  for (const [districtCode, area] of districts) {
    const members = divisions.streets.filter((s) => s.districtCode === districtCode);
    const p = keepImported(area, members, imports, partitionStreets);
    worstStreetAreaError = Math.max(worstStreetAreaError, p.worstAreaError);
    for (const [code, g] of p.regions) streets.set(code, g);
  }

  const communities = new Map<string, Areal>();
  let worstCommunityAreaError = 0;
  for (const street of divisions.streets) {
    const members = divisions.communities.filter((c) => c.streetCode === street.code);
    if (members.length === 0) throw new Error(`street ${street.code} has no communities`);
    const core = street.type === '街道' ? CITY_CENTRE : STREET_SEATS[street.code]!.seat;
    const p = keepImported(streets.get(street.code)!, members, imports, (area, rest) =>
      partitionByPower(area, communitySites(street, area, rest, core, PLANE), SPREAD),
    );
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
    imported,
    worstStreetAreaError,
    worstCommunityAreaError,
  };
}

/** Imported units keep their outline (clipped to the parent); the rest are generated in what is left. */
function keepImported<T extends { code: string }>(
  parent: Areal,
  members: readonly T[],
  imports: Imports,
  generate: (area: Areal, rest: T[]) => Partition,
): Partition {
  const fixed = new Map<string, Areal>();
  for (const m of members) {
    const outline = imports.outlines.get(m.code);
    const clipped = outline && intersectAreal(outline, parent);
    if (clipped) fixed.set(m.code, clipped);
  }
  const rest = members.filter((m) => !fixed.has(m.code));
  if (rest.length === 0) return { regions: fixed, worstAreaError: 0 };
  if (fixed.size === 0) return generate(parent, rest);
  const free = must(differenceAreal(parent, must(unionAreal([...fixed.values()]), 'imported outlines vanished')), 'imported outlines leave no room');
  const generated = generate(free, rest);
  return { regions: new Map([...fixed, ...generated.regions]), worstAreaError: generated.worstAreaError };
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

function must<T>(value: T | null, message: string): T {
  if (value === null) throw new Error(message);
  return value;
}
