// Which rows a review question is about: cases created in [from, to) that pass every filter. Each
// filter becomes a 0/1 mask over its dictionary, so testing a row is one array read per filter.
import { DomainError } from '../domain-error.ts';
import type { CaseIndex } from './case-index.ts';
import type { Dictionary } from './dictionary.ts';

export const FILTER_KEYS = ['category', 'item', 'state', 'district', 'street', 'community', 'unit', 'source'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** Each filter lists the codes it allows; an absent or empty list allows everything. */
export type CaseFilter = Partial<Record<FilterKey, readonly string[]>>;

export interface CaseWindow {
  from: number;
  to: number;
}

type Masks = Record<FilterKey, Uint8Array | null>;

function dictionaryFor(index: CaseIndex, key: FilterKey): Dictionary {
  const { areas, codes } = index.ctx;
  switch (key) {
    case 'category': return codes.categories;
    case 'item': return codes.items;
    case 'state': return codes.states;
    case 'district': return areas.districts;
    case 'street': return areas.streets;
    case 'community': return areas.communities;
    case 'unit': return codes.units;
    case 'source': return codes.sources;
  }
}

/** Masks for a filter; a code the index has never heard of is the caller's mistake (400). */
export function compileFilter(index: CaseIndex, filter: CaseFilter): Masks {
  const masks = {} as Masks;
  for (const key of FILTER_KEYS) {
    const values = filter[key];
    if (!values?.length) { masks[key] = null; continue; }
    const dict = dictionaryFor(index, key);
    const mask = new Uint8Array(dict.size);
    for (const v of values) {
      const i = dict.find(v);
      if (i < 0) throw new DomainError('bad_request', `unknown ${key} '${v}'`);
      mask[i] = 1;
    }
    masks[key] = mask;
  }
  return masks;
}

/** Rows created in the window that pass the filter, in creation order. */
export function selectRows(index: CaseIndex, window: CaseWindow, filter: CaseFilter): Uint32Array {
  const m = compileFilter(index, filter);
  const lo = index.lowerBound(window.from);
  const hi = index.lowerBound(window.to);
  const out = new Uint32Array(Math.max(0, hi - lo));
  const { category, item, state, district, street, community, unit, source } = index;
  let n = 0;
  for (let i = lo; i < hi; i++) {
    if (m.category && !m.category[category[i]!]) continue;
    if (m.item && !m.item[item[i]!]) continue;
    if (m.state && !m.state[state[i]!]) continue;
    if (m.district && !m.district[district[i]!]) continue;
    if (m.street && !m.street[street[i]!]) continue;
    if (m.community && !m.community[community[i]!]) continue;
    if (m.unit && !m.unit[unit[i]!]) continue;
    if (m.source && !m.source[source[i]!]) continue;
    out[n++] = i;
  }
  return out.subarray(0, n);
}
