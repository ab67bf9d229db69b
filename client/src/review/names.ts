// Names of what the review counts, in the page's language: areas and units as the server's /meta
// names them (proper names stay Chinese in English too), categories, items, states, site
// categories and patrol kinds from the shared bilingual tables.
import { computed } from 'vue';
import { CASE_CATEGORIES, ASSESSMENT_ITEMS, RESPONSIBLE_UNITS } from '@cw/shared/domain/taxonomy';
import { CASE_STATE_LABEL, type CaseState } from '@cw/shared/domain/case';
import { SITE_CATEGORY_BY_CODE } from '@cw/shared/domain/site-categories';
import { PATROL_KIND_INFO, type PatrolKind } from '@cw/shared/domain/patrol';
import { DISTRICTS } from '@cw/shared/domain/places';
import { pick, useI18n } from '../i18n/index.ts';
import { useReviewStore } from '../stores/review.ts';
import type { AreaLevel, FilterKey } from './review-query.ts';

type Labelled = { code: string; zh: string; en: string };
const byCode = <T extends Labelled>(list: readonly T[]) => new Map(list.map((x) => [x.code, x]));
const CATEGORIES = byCode(CASE_CATEGORIES);
const ITEMS = byCode(ASSESSMENT_ITEMS);
const UNITS = byCode(RESPONSIBLE_UNITS);
const DISTRICT_LABELS = byCode(DISTRICTS);

export interface Option {
  code: string;
  label: string;
  /** For cascading pickers: the district of a street, the street of a community. */
  parent?: string | null;
}

export function useReviewNames() {
  const store = useReviewStore();
  const { locale } = useI18n();

  const areaNames = computed(() => {
    const m = store.meta;
    const names: Record<AreaLevel, Map<string, string>> = { district: new Map(), street: new Map(), community: new Map(), cell: new Map() };
    for (const d of m?.districts ?? []) names.district.set(d.code, DISTRICT_LABELS.has(d.code) ? pick(locale.value, DISTRICT_LABELS.get(d.code)!) : d.name);
    for (const s of m?.streets ?? []) names.street.set(s.code, s.name);
    for (const c of m?.communities ?? []) names.community.set(c.code, c.name);
    return names;
  });

  function areaName(level: AreaLevel, code: string): string {
    return areaNames.value[level].get(code) ?? code;
  }
  const labelOf = (map: Map<string, Labelled>, code: string, fallback?: string) => {
    const l = map.get(code);
    return l ? pick(locale.value, l) : (fallback ?? code);
  };
  const categoryName = (code: string) => labelOf(CATEGORIES, code, store.meta?.categories.find((c) => c.code === code)?.name);
  const itemName = (code: string) => labelOf(ITEMS, code, store.meta?.items.find((c) => c.code === code)?.name);
  const unitName = (code: string) => labelOf(UNITS, code, store.meta?.units.find((c) => c.code === code)?.name);
  const stateName = (code: string) => (code in CASE_STATE_LABEL ? pick(locale.value, CASE_STATE_LABEL[code as CaseState]) : code);
  const siteCategoryName = (code: string) => {
    const c = SITE_CATEGORY_BY_CODE.get(code);
    return c ? pick(locale.value, c) : code;
  };
  const patrolKindName = (kind: string) => (kind in PATROL_KIND_INFO ? pick(locale.value, PATROL_KIND_INFO[kind as PatrolKind]) : kind);

  /** Choices of each filter, from /meta; streets and communities name their parent for cascading. */
  const options = computed((): Record<FilterKey, Option[]> => {
    const m = store.meta;
    void locale.value;
    return {
      category: (m?.categories ?? []).map((c) => ({ code: c.code, label: categoryName(c.code), parent: c.item })),
      item: (m?.items ?? []).map((i) => ({ code: i.code, label: `${i.code} ${itemName(i.code)}` })),
      state: (m?.states ?? []).map((s) => ({ code: s, label: stateName(s) })),
      district: (m?.districts ?? []).map((d) => ({ code: d.code, label: areaName('district', d.code) })),
      street: (m?.streets ?? []).map((s) => ({ code: s.code, label: s.name, parent: s.district })),
      community: (m?.communities ?? []).map((c) => ({ code: c.code, label: c.name, parent: c.street })),
      unit: (m?.units ?? []).map((u) => ({ code: u.code, label: unitName(u.code) })),
    };
  });

  return { areaName, categoryName, itemName, unitName, stateName, siteCategoryName, patrolKindName, options };
}
