// 挂图作战 by assessment item: what is open and overdue under each item and content now, and how
// many problems arrived and were closed in each of the last weeks.
import type { CaseCategory } from '@cw/shared/domain/taxonomy';
import { DomainError } from '../domain-error.ts';
import { OVERDUE, type CaseIndex } from './case-index.ts';
import type { AssessmentTaxonomy } from './assessment-sample.ts';
import { cstWeekStart } from './days.ts';

export interface ContentStatus {
  code: string;
  zh: string;
  open: number;
  overdueOpen: number;
  standards: { code: string; text: string }[];
}

export interface ItemStatus {
  code: string;
  zh: string;
  open: number;
  overdueOpen: number;
  /** Per week (see `weeks`): cases created, and cases closed. */
  created: number[];
  closed: number[];
  contents: ContentStatus[];
}

export interface AssessmentStatus {
  label: string;
  sample: boolean;
  /** Monday 00:00 CST of each week, oldest first; the last is the current week. */
  weeks: number[];
  items: ItemStatus[];
}

/** A taxonomy the city loads must name real categories, each under the item its case rules give it. */
export function validateTaxonomy(t: AssessmentTaxonomy, categories: readonly CaseCategory[]): void {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const items = new Set<string>();
  const contents = new Set<string>();
  for (const item of t.items) {
    if (items.has(item.code)) throw new DomainError('bad_request', `item ${item.code} is listed twice`);
    items.add(item.code);
    for (const content of item.contents) {
      if (contents.has(content.code)) throw new DomainError('bad_request', `content ${content.code} is listed twice`);
      contents.add(content.code);
      for (const code of content.categories) {
        const cat = byCode.get(code);
        if (!cat) throw new DomainError('bad_request', `content ${content.code}: no case category '${code}'`);
        if (cat.item !== item.code) throw new DomainError('bad_request', `content ${content.code}: category '${code}' counts against item ${cat.item}, not ${item.code}`);
      }
    }
  }
}

/** `rows`: the cases in scope (any creation time). Open counts are as of now; weekly counts cover
 *  the `weeks` weeks ending with the current one. */
export function assessmentStatus(index: CaseIndex, rows: Uint32Array, taxonomy: AssessmentTaxonomy, weeks: number, now: number): AssessmentStatus {
  const { codes } = index.ctx;
  const week0 = cstWeekStart(now) - (weeks - 1) * 7 * 86400_000;
  const weekStarts = Array.from({ length: weeks }, (_, k) => week0 + k * 7 * 86400_000);
  const nItems = codes.items.size;
  const nCats = codes.categories.size;
  const openByCat = new Uint32Array(nCats);
  const overdueByCat = new Uint32Array(nCats);
  const openByItem = new Uint32Array(nItems);
  const overdueByItem = new Uint32Array(nItems);
  const created = new Uint32Array(nItems * weeks);
  const closed = new Uint32Array(nItems * weeks);
  const week = (t: number) => Math.floor((t - week0) / (7 * 86400_000));
  const { state, flags, item, category, created: createdAt, closed: closedAt } = index;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const it = item[i]!;
    if (codes.openState[state[i]!]) {
      openByItem[it]!++;
      openByCat[category[i]!]!++;
      if (flags[i]! & OVERDUE) { overdueByItem[it]!++; overdueByCat[category[i]!]!++; }
    }
    const wc = week(createdAt[i]!);
    if (wc >= 0 && wc < weeks) created[it * weeks + wc]!++;
    if (state[i] === codes.closedState) {
      const wx = week(closedAt[i]!);
      if (wx >= 0 && wx < weeks) closed[it * weeks + wx]!++;
    }
  }
  const sumCats = (list: readonly string[], counts: Uint32Array) => list.reduce((s, c) => {
    const i = codes.categories.find(c);
    return s + (i >= 0 ? counts[i]! : 0);
  }, 0);
  return {
    label: taxonomy.label,
    sample: taxonomy.sample,
    weeks: weekStarts,
    items: taxonomy.items.map((def) => {
      const it = codes.items.find(def.code);
      const slice = (a: Uint32Array) => (it < 0 ? new Array<number>(weeks).fill(0) : Array.from(a.subarray(it * weeks, (it + 1) * weeks)));
      return {
        code: def.code, zh: def.zh,
        open: it < 0 ? 0 : openByItem[it]!, overdueOpen: it < 0 ? 0 : overdueByItem[it]!,
        created: slice(created), closed: slice(closed),
        contents: def.contents.map((c) => ({
          code: c.code, zh: c.zh, open: sumCats(c.categories, openByCat), overdueOpen: sumCats(c.categories, overdueByCat), standards: c.standards,
        })),
      };
    }),
  };
}
