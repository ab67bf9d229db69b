// The patrols history is about: the same ids, devices, kinds and home streets the demo simulator
// uses (P00001 / sim-00001 …), so when the simulator starts on a generated store it continues the
// very patrols whose past the review replays. Volunteers each hold one contracted road section.
import { PATROL_KIND_INFO, type PatrolKind } from '@cw/shared/domain/patrol';
import type { StreetProps } from '../geo/layers.ts';
import type { RoadSection } from '../review/road-duty.ts';
import { personName } from '../simulator/names.ts';
import { pick, pickWeighted } from '../simulator/random.ts';

export interface RosterPatrol {
  id: string;
  deviceId: string;
  name: string;
  kind: PatrolKind;
  unit: string;
  homeStreet: string;
  /** Volunteers: the road section their shifts are on. */
  section: RoadSection | null;
}

// The simulator's kind mix and units (simulator.ts).
const KIND_MIX: readonly [PatrolKind, number][] = [['grid_member', 40], ['urban_officer', 20], ['traffic_police', 15], ['volunteer', 25]];
const UNIT_OF: Record<PatrolKind, string> = { grid_member: '', urban_officer: '市城管局', traffic_police: '市公安局', volunteer: '文明交通志愿服务队' };

export function buildRoster(count: number, streets: readonly StreetProps[], sections: readonly RoadSection[], rand: () => number): RosterPatrol[] {
  const urban = streets.filter((s) => s.type === '街道');
  const out: RosterPatrol[] = [];
  let volunteers = 0;
  for (let k = 1; k <= count; k++) {
    const kind = pickWeighted(rand, KIND_MIX, ([, w]) => w)[0];
    const section = kind === 'volunteer' && sections.length ? sections[volunteers++ % sections.length]! : null;
    const street = section?.street
      ? streets.find((s) => s.code === section.street) ?? pick(rand, urban.length ? urban : streets)
      : rand() < 0.85 && urban.length ? pick(rand, urban) : pick(rand, streets);
    out.push({
      id: `P${String(k).padStart(5, '0')}`, deviceId: `sim-${String(k).padStart(5, '0')}`,
      name: `${PATROL_KIND_INFO[kind].zh}·${personName(rand)}`, kind,
      unit: UNIT_OF[kind] || `${street.name}网格站`, homeStreet: street.code, section,
    });
  }
  return out;
}

/** Picks patrols for dispatches: one of the case's street that can handle the category, else any
 *  that can, else anyone. */
export class PatrolPicker {
  private readonly byStreetKind = new Map<string, RosterPatrol[]>();
  private readonly byKind = new Map<PatrolKind, RosterPatrol[]>();
  /** Candidates per street and kind list, worked out once: this runs for every dispatch. */
  private readonly candidates = new Map<string, readonly RosterPatrol[]>();

  constructor(private readonly roster: readonly RosterPatrol[]) {
    for (const p of roster) {
      const key = `${p.homeStreet}/${p.kind}`;
      this.byStreetKind.set(key, [...(this.byStreetKind.get(key) ?? []), p]);
      this.byKind.set(p.kind, [...(this.byKind.get(p.kind) ?? []), p]);
    }
  }

  pick(street: string | null, kinds: readonly PatrolKind[], rand: () => number): RosterPatrol {
    const key = `${street}/${kinds.join(',')}`;
    let list = this.candidates.get(key);
    if (!list) {
      const local = kinds.flatMap((k) => this.byStreetKind.get(`${street}/${k}`) ?? []);
      const able = kinds.flatMap((k) => this.byKind.get(k) ?? []);
      list = local.length ? local : able.length ? able : this.roster;
      this.candidates.set(key, list);
    }
    return pick(rand, list);
  }
}
