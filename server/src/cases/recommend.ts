// Which patrols to send: the nearest *available* ones (online, not busy, of a kind that handles the
// category), preferring those responsible for the case's street. Ranked by ETA at their kind's
// speed, with the responsible patrols' ETA discounted so a slightly farther own-grid patrol wins.
import type { CaseCategory } from '@cw/shared/domain/taxonomy';
import type { Case, Recommendation } from '@cw/shared/schemas/cases';
import type { LivePatrols } from '../patrols/live-patrols.ts';


export const RESPONSIBLE_DISCOUNT = 0.6;
const CANDIDATES = 25;

export function recommendPatrols(live: LivePatrols, c: Pick<Case, 'lon' | 'lat' | 'street'>, category: CaseCategory | undefined, n: number, now: number): Recommendation[] {
  const kinds = new Set(category?.handledBy ?? []);
  const near = live.nearest(c.lon, c.lat, Math.max(n, CANDIDATES),
    (p, status) => status === 'online' && !live.isBusy(p.id) && kinds.has(p.kind), now);
  return near
    .map(({ patrol, distanceM, etaS }) => {
      const responsible = !!c.street && patrol.homeStreet === c.street;
      return {
        patrolId: patrol.id, name: patrol.name, kind: patrol.kind, unit: patrol.unit,
        distanceM: Math.round(distanceM), etaS: Math.round(etaS), responsible,
        score: etaS * (responsible ? RESPONSIBLE_DISCOUNT : 1),
      };
    })
    .sort((a, b) => a.score - b.score)
    .slice(0, n);
}
