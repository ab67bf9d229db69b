// The cases source follows the store's open cases through updateData: a diff of what appeared,
// changed look or place, or was closed, keyed by case id.
import type { GeoJSONFeatureDiff, GeoJSONSourceDiff } from 'maplibre-gl';
import type { Feature, Point } from 'geojson';
import type { Case } from '@cw/shared/schemas/cases';
import { caseUrgency, isEscalated, type CaseUrgency } from '../domain/case-urgency.ts';

export interface CaseFeatureProps {
  id: string;
  urgency: CaseUrgency;
  escalated: number;
}

interface Shown {
  lon: number;
  lat: number;
  urgency: CaseUrgency;
  escalated: number;
}

export function caseFeature(c: Case): Feature<Point, CaseFeatureProps> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    properties: { id: c.id, urgency: caseUrgency(c), escalated: isEscalated(c) ? 1 : 0 },
  };
}

export class CaseDiffer {
  private shown = new Map<string, Shown>();

  get size(): number {
    return this.shown.size;
  }

  build(open: ReadonlyMap<string, Case>): GeoJSONSourceDiff | null {
    const add: Feature<Point, CaseFeatureProps>[] = [];
    const update: GeoJSONFeatureDiff[] = [];
    const remove: string[] = [];
    for (const [id, c] of open) {
      const urgency = caseUrgency(c);
      const escalated = isEscalated(c) ? 1 : 0;
      const before = this.shown.get(id);
      if (!before) {
        add.push(caseFeature(c));
      } else {
        const moved = before.lon !== c.lon || before.lat !== c.lat;
        const restyled = before.urgency !== urgency || before.escalated !== escalated;
        if (!moved && !restyled) continue;
        const diff: GeoJSONFeatureDiff = { id };
        if (moved) diff.newGeometry = { type: 'Point', coordinates: [c.lon, c.lat] };
        if (restyled) diff.addOrUpdateProperties = [{ key: 'urgency', value: urgency }, { key: 'escalated', value: escalated }];
        update.push(diff);
      }
      this.shown.set(id, { lon: c.lon, lat: c.lat, urgency, escalated });
    }
    for (const id of this.shown.keys()) {
      if (!open.has(id)) {
        remove.push(id);
        this.shown.delete(id);
      }
    }
    if (!add.length && !update.length && !remove.length) return null;
    const diff: GeoJSONSourceDiff = {};
    if (remove.length) diff.remove = remove;
    if (add.length) diff.add = add;
    if (update.length) diff.update = update;
    return diff;
  }
}
