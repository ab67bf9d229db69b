// What would lose points if the inspectors came tomorrow: field-assessment sites (实地测评点位) with
// open problems within a short walk. Sites sit in a k-d tree in local metres, so each open case
// finds its nearby sites in microseconds.
import KDBush from 'kdbush';
import { SITE_CATEGORIES } from '@cw/shared/domain/site-categories';
import { OVERDUE, type CaseIndex } from './case-index.ts';

export interface InspectionSite {
  id: string;
  name: string;
  category: string;
  street: string | null;
  readiness: string;
  lon: number;
  lat: number;
}

export interface SiteAtRisk {
  id: string;
  name: string;
  category: string;
  street: string | null;
  readiness: string;
  open: number;
  overdueOpen: number;
}

export interface SiteCategoryRisk {
  code: string;
  zh: string;
  sites: number;
  /** Sites with at least one open problem nearby. */
  atRisk: number;
  open: number;
  overdueOpen: number;
}

export const SITE_RADIUS_M = 150;

export class SiteRisk {
  private readonly kd: KDBush | null;
  private readonly kx: number;
  private readonly ky = 110_540;

  constructor(readonly sites: readonly InspectionSite[]) {
    const lat0 = sites.length ? sites.reduce((s, x) => s + x.lat, 0) / sites.length : 33;
    this.kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
    this.kd = sites.length ? new KDBush(sites.length) : null;
    if (this.kd) {
      for (const s of sites) this.kd.add(s.lon * this.kx, s.lat * this.ky);
      this.kd.finish();
    }
  }

  /** Per site and per site category, the open (and overdue) cases among `rows` within the radius.
   *  A case near two sites counts for both: either would lose the point. */
  assess(index: CaseIndex, rows: Uint32Array, radiusM = SITE_RADIUS_M): { categories: SiteCategoryRisk[]; sites: SiteAtRisk[] } {
    const open = new Uint32Array(this.sites.length);
    const overdue = new Uint32Array(this.sites.length);
    const { state, flags, lon, lat } = index;
    const openState = index.ctx.codes.openState;
    if (this.kd) {
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k]!;
        if (!openState[state[i]!]) continue;
        for (const s of this.kd.within(lon[i]! * this.kx, lat[i]! * this.ky, radiusM)) {
          open[s]!++;
          if (flags[i]! & OVERDUE) overdue[s]!++;
        }
      }
    }
    const sites: SiteAtRisk[] = [];
    const byCat = new Map(SITE_CATEGORIES.map((c) => [c.code, { code: c.code, zh: c.zh, sites: 0, atRisk: 0, open: 0, overdueOpen: 0 }]));
    this.sites.forEach((s, k) => {
      let cat = byCat.get(s.category);
      if (!cat) byCat.set(s.category, (cat = { code: s.category, zh: s.category, sites: 0, atRisk: 0, open: 0, overdueOpen: 0 }));
      cat.sites++;
      if (!open[k]) return;
      cat.atRisk++;
      cat.open += open[k]!;
      cat.overdueOpen += overdue[k]!;
      sites.push({ id: s.id, name: s.name, category: s.category, street: s.street, readiness: s.readiness, open: open[k]!, overdueOpen: overdue[k]! });
    });
    sites.sort((a, b) => b.overdueOpen - a.overdueOpen || b.open - a.open || a.id.localeCompare(b.id));
    return { categories: [...byCat.values()], sites };
  }
}

/** Sites from the inspection-points layer's GeoJSON features. */
export function inspectionSitesFrom(features: readonly { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[]): InspectionSite[] {
  return features.filter((f) => f.geometry.type === 'Point').map((f) => {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    return {
      id: String(f.properties.id), name: String(f.properties.name ?? f.properties.id), category: String(f.properties.category),
      street: typeof f.properties.street === 'string' ? f.properties.street : null,
      readiness: String(f.properties.readiness ?? 'ready'), lon, lat,
    };
  });
}
