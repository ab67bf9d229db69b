// Seats for the communities of one street. Their real positions are not published, so they are
// spread evenly over the street (best-candidate sampling), and the residents' committees (居委会)
// take the seats nearest the street's core: the city centre for urban streets, the town seat for
// towns and townships. Villages (村委会) get the outer seats and a larger share of the land.
import type { Areal, Position } from './geojson-types.ts';
import type { CommunityRecord, StreetRecord } from './divisions.ts';
import type { PartitionSite } from './power-partition.ts';
import type { LocalPlane } from './planar.ts';
import { seededRandom } from './prng.ts';
import { randomPointIn } from './random-points.ts';

const CANDIDATES_PER_SEAT = 24;

export function communitySites(
  street: StreetRecord,
  area: Areal,
  communities: readonly CommunityRecord[],
  core: Position,
  plane: LocalPlane,
): PartitionSite[] {
  const seats = spreadSeats(area, communities.length, plane, `community-seats:${street.code}`);
  const [cx, cy] = plane.toPlane(core);
  const byCloseness = seats
    .map((p) => ({ p, d: Math.hypot(plane.toPlane(p)[0] - cx, plane.toPlane(p)[1] - cy) }))
    .sort((a, b) => a.d - b.d)
    .map((s) => s.p);
  const ordered = [...communities].sort((a, b) => (a.type === b.type ? a.code.localeCompare(b.code) : a.type === '居委会' ? -1 : 1));
  return ordered.map((c, i) => ({ id: c.code, seat: byCloseness[i]!, share: shareOf(street, c) }));
}

function shareOf(street: StreetRecord, c: CommunityRecord): number {
  if (c.type === '村委会') return street.type === '街道' ? 2.5 : 1;
  return street.type === '街道' ? 1 : 0.4;
}

/** Mitchell's best-candidate sampling: each new seat is the candidate farthest from those placed. */
export function spreadSeats(area: Areal, count: number, plane: LocalPlane, stream: string): Position[] {
  const rng = seededRandom(stream);
  const inside = (): Position => randomPointIn(area, rng);
  const placed: Position[] = [];
  const xy: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    let best = inside();
    let bestD = -1;
    for (let c = 0; c < (k === 0 ? 1 : CANDIDATES_PER_SEAT); c++) {
      const p = c === 0 ? best : inside();
      const [x, y] = plane.toPlane(p);
      const d = Math.min(Infinity, ...xy.map(([qx, qy]) => Math.hypot(x - qx, y - qy)));
      if (d > bestD) {
        best = p;
        bestD = d;
      }
    }
    placed.push(best);
    xy.push(plane.toPlane(best));
  }
  return placed;
}
