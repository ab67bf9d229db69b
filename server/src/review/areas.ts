// The places the review counts by — districts, streets, communities, unit cells — numbered in the
// order of the committed layers, with each one's parent, so a cell's street is one array read.
import type { LoadedLayers } from '../geo/layers.ts';
import { Dictionary } from './dictionary.ts';

export type AreaLevel = 'district' | 'street' | 'community' | 'cell';
export const AREA_LEVELS: readonly AreaLevel[] = ['district', 'street', 'community', 'cell'];

export class ReviewAreas {
  readonly districts: Dictionary;
  readonly streets: Dictionary;
  readonly communities: Dictionary;
  readonly cells: Dictionary;
  /** Display names by code (cells have none of their own: their owner is shown instead). */
  readonly names = new Map<string, string>();
  /** Street index of each cell (-1 when the cell's street is not a layer feature). */
  readonly cellStreet: Int32Array;
  readonly cellCommunity: Int32Array;
  /** Number of unit cells in each street, the denominator of patrol coverage. */
  readonly streetCellCount: Int32Array;
  readonly communityCellCount: Int32Array;
  /** Street index of each community, district index of each street. */
  readonly communityStreet: Int32Array;
  readonly streetDistrict: Int32Array;

  constructor(layers: Pick<LoadedLayers, 'districts' | 'streets' | 'communities' | 'grid'>) {
    this.districts = new Dictionary(layers.districts.features.map((f) => f.properties.code));
    this.streets = new Dictionary(layers.streets.features.map((f) => f.properties.code));
    this.communities = new Dictionary(layers.communities.features.map((f) => f.properties.code));
    this.cells = new Dictionary(layers.grid.features.map((f) => f.properties.code));
    for (const f of layers.districts.features) this.names.set(f.properties.code, f.properties.name);
    for (const f of layers.streets.features) this.names.set(f.properties.code, f.properties.name);
    for (const f of layers.communities.features) this.names.set(f.properties.code, f.properties.name);

    this.streetDistrict = Int32Array.from(layers.streets.features, (f) => this.districts.find(f.properties.districtCode));
    this.communityStreet = Int32Array.from(layers.communities.features, (f) => this.streets.find(f.properties.streetCode));
    this.cellStreet = Int32Array.from(layers.grid.features, (f) => this.streets.find(f.properties.street));
    this.cellCommunity = Int32Array.from(layers.grid.features, (f) => this.communities.find(f.properties.community));
    this.streetCellCount = new Int32Array(this.streets.size);
    this.communityCellCount = new Int32Array(this.communities.size);
    for (let c = 0; c < this.cells.size; c++) {
      const s = this.cellStreet[c]!;
      const m = this.cellCommunity[c]!;
      if (s >= 0) this.streetCellCount[s]!++;
      if (m >= 0) this.communityCellCount[m]!++;
    }
  }

  dictionary(level: AreaLevel): Dictionary {
    switch (level) {
      case 'district': return this.districts;
      case 'street': return this.streets;
      case 'community': return this.communities;
      case 'cell': return this.cells;
    }
  }

  name(code: string): string {
    return this.names.get(code) ?? code;
  }
}
