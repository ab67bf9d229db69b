// The non-spatial vocabularies the index numbers: categories, assessment items, responsible units,
// states, sources and patrols. Known codes come first in their canonical order.
import { CASE_SOURCES, CASE_STATES, OPEN_STATES, type CaseState } from '@cw/shared/domain/case';
import { ASSESSMENT_ITEMS, RESPONSIBLE_UNITS, type CaseCategory } from '@cw/shared/domain/taxonomy';
import { Dictionary } from './dictionary.ts';

export class Codebook {
  readonly categories: Dictionary;
  readonly items = new Dictionary(ASSESSMENT_ITEMS.map((i) => i.code));
  readonly units = new Dictionary(RESPONSIBLE_UNITS.map((u) => u.code));
  readonly states = new Dictionary(CASE_STATES);
  readonly sources = new Dictionary(CASE_SOURCES);
  readonly patrols = new Dictionary();
  /** 1 where the state still counts against the zero target, by state number. */
  readonly openState = Uint8Array.from(CASE_STATES, (s) => (OPEN_STATES.has(s) ? 1 : 0));
  readonly closedState = CASE_STATES.indexOf('closed');
  readonly rejectedState = CASE_STATES.indexOf('rejected');

  constructor(categories: readonly CaseCategory[]) {
    this.categories = new Dictionary(categories.map((c) => c.code));
  }

  /** State numbers are fixed: an unknown state is a programming error, not data to keep. */
  state(s: CaseState): number {
    const i = this.states.find(s);
    if (i < 0) throw new RangeError(`unknown case state '${s}'`);
    return i;
  }
}
