// Turns the PatrolTrack into the smallest GeoJSON source diff that brings the map up to date:
// patrols that appeared are added, those that lost their fix removed, and only the ones whose shown
// position or status changed are updated, keyed by their frame index (a stable feature id).
import type { GeoJSONSourceDiff, GeoJSONFeatureDiff } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { PATROL_KINDS } from '@cw/shared/domain/patrol';
import type { PatrolTrack } from '../realtime/patrol-track.ts';

/** Below this (≈2 cm) a move is not worth sending. */
const EPSILON_DEG = 2e-7;

/** What build() returns when more patrols changed than the caller wants as a diff. */
export const TOO_MANY = Symbol('too-many');

export interface PatrolFeatureProps {
  kind: string;
  /** 0 online, 1 stale, 2 offline */
  status: number;
  busy: number;
}

export class PatrolDiffer {
  private lon = new Float64Array(0);
  private lat = new Float64Array(0);
  private props = new Uint32Array(0);
  private present = new Uint8Array(0);
  private readonly pos = new Float64Array(2);
  /** Features the source holds after the last diff. */
  shown = 0;

  private grow(size: number): void {
    if (size <= this.present.length) return;
    const cap = Math.max(size, this.present.length * 2, 64);
    const lon = new Float64Array(cap);
    const lat = new Float64Array(cap);
    const props = new Uint32Array(cap);
    const present = new Uint8Array(cap);
    lon.set(this.lon);
    lat.set(this.lat);
    props.set(this.props);
    present.set(this.present);
    [this.lon, this.lat, this.props, this.present] = [lon, lat, props, present];
  }

  private featureProps(track: PatrolTrack, i: number): PatrolFeatureProps {
    return { kind: PATROL_KINDS[track.kind[i]!] ?? 'unknown', status: track.status[i]!, busy: track.busy[i]! };
  }

  /** All patrols with a fix as one collection (for setData), recorded as sent. */
  snapshot(track: PatrolTrack, now: number): FeatureCollection<Point, PatrolFeatureProps> {
    this.grow(track.size);
    const features: Feature<Point, PatrolFeatureProps>[] = [];
    const pos = this.pos;
    this.shown = 0;
    for (let i = 0; i < track.size; i++) {
      this.present[i] = track.hasFix(i) ? 1 : 0;
      if (!this.present[i]) continue;
      track.positionAt(i, now, pos);
      this.lon[i] = pos[0]!;
      this.lat[i] = pos[1]!;
      this.props[i] = track.propsVersion[i]!;
      features.push({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [pos[0]!, pos[1]!] }, properties: this.featureProps(track, i) });
      this.shown++;
    }
    return { type: 'FeatureCollection', features };
  }

  /** Null when nothing changed since the last diff. */
  build(track: PatrolTrack, now: number): GeoJSONSourceDiff | null;
  /** Also TOO_MANY (with an unusable record, so call snapshot() next) once more than `maxChanges` changed. */
  build(track: PatrolTrack, now: number, maxChanges: number): GeoJSONSourceDiff | null | typeof TOO_MANY;
  build(track: PatrolTrack, now: number, maxChanges = Number.POSITIVE_INFINITY): GeoJSONSourceDiff | null | typeof TOO_MANY {
    this.grow(track.size);
    const add: Feature<Point, PatrolFeatureProps>[] = [];
    const update: GeoJSONFeatureDiff[] = [];
    const remove: number[] = [];
    const pos = this.pos;
    for (let i = 0; i < track.size; i++) {
      if (add.length + update.length + remove.length > maxChanges) return TOO_MANY;
      if (!track.hasFix(i)) {
        if (this.present[i]) {
          remove.push(i);
          this.present[i] = 0;
          this.shown--;
        }
        continue;
      }
      track.positionAt(i, now, pos);
      const [lon, lat] = [pos[0]!, pos[1]!];
      const version = track.propsVersion[i]!;
      if (!this.present[i]) {
        add.push({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: this.featureProps(track, i) });
        this.present[i] = 1;
        this.shown++;
      } else {
        const moved = Math.abs(lon - this.lon[i]!) > EPSILON_DEG || Math.abs(lat - this.lat[i]!) > EPSILON_DEG;
        const restyled = version !== this.props[i];
        if (!moved && !restyled) continue;
        const diff: GeoJSONFeatureDiff = { id: i };
        if (moved) diff.newGeometry = { type: 'Point', coordinates: [lon, lat] };
        if (restyled) {
          const p = this.featureProps(track, i);
          diff.addOrUpdateProperties = [
            { key: 'kind', value: p.kind },
            { key: 'status', value: p.status },
            { key: 'busy', value: p.busy },
          ];
        }
        update.push(diff);
      }
      this.lon[i] = lon;
      this.lat[i] = lat;
      this.props[i] = version;
    }
    const changes = add.length + update.length + remove.length;
    if (changes > maxChanges) return TOO_MANY;
    if (changes === 0) return null;
    const diff: GeoJSONSourceDiff = {};
    if (remove.length) diff.remove = remove;
    if (add.length) diff.add = add;
    if (update.length) diff.update = update;
    return diff;
  }
}

export function diffSize(diff: GeoJSONSourceDiff): number {
  return (diff.add?.length ?? 0) + (diff.update?.length ?? 0) + (diff.remove?.length ?? 0);
}
