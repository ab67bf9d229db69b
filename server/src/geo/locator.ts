// Point → unit cell / community / street / district, in microseconds: the cell index answers for the
// gridded centre, the community/street/district indexes for the rest of the territory.
import { AreaIndex } from './area-index.ts';
import type { CellProps, CommunityProps, DistrictProps, LoadedLayers, StreetProps } from './layers.ts';

export interface Place {
  cell: string | null;
  community: string | null;
  street: string | null;
  district: string | null;
}

export class Locator {
  readonly cells: AreaIndex<CellProps>;
  readonly communities: AreaIndex<CommunityProps>;
  readonly streets: AreaIndex<StreetProps>;
  readonly districts: AreaIndex<DistrictProps>;
  /** Service area [w, s, e, n]. */
  readonly bbox: [number, number, number, number];

  constructor(layers: Pick<LoadedLayers, 'grid' | 'communities' | 'streets' | 'districts' | 'cellIndex'>) {
    this.cells = layers.cellIndex ?? new AreaIndex(layers.grid.features);
    this.communities = new AreaIndex(layers.communities.features);
    this.streets = new AreaIndex(layers.streets.features);
    this.districts = new AreaIndex(layers.districts.features);
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (let i = 0; i < this.districts.size; i++) {
      const b = this.districts.bbox(i);
      w = Math.min(w, b[0]); s = Math.min(s, b[1]); e = Math.max(e, b[2]); n = Math.max(n, b[3]);
    }
    this.bbox = [w, s, e, n];
  }

  locate(lon: number, lat: number): Place {
    const cell = this.cells.get(lon, lat);
    if (cell) return { cell: cell.code, community: cell.community, street: cell.street, district: cell.district };
    const community = this.communities.get(lon, lat);
    if (community) return { cell: null, community: community.code, street: community.streetCode, district: community.districtCode };
    const street = this.streets.get(lon, lat);
    if (street) return { cell: null, community: null, street: street.code, district: street.districtCode };
    const district = this.districts.get(lon, lat);
    return { cell: null, community: null, street: null, district: district?.code ?? null };
  }

  /** District code only (what the position rooms need), cheapest path first. */
  district(lon: number, lat: number): string | null {
    return this.districts.get(lon, lat)?.code ?? null;
  }

  /** Whether a point is within `marginDeg` of the service area (device reports far outside are refused). */
  nearServiceArea(lon: number, lat: number, marginDeg = 0.5): boolean {
    const [w, s, e, n] = this.bbox;
    return lon >= w - marginDeg && lon <= e + marginDeg && lat >= s - marginDeg && lat <= n + marginDeg;
  }
}
