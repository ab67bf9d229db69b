// The problem categories as the server has them (an admin may have edited the shipped list):
// names, time-limit clocks and who handles each. Until the server answers, the shipped list.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { CASE_CATEGORIES, type CaseCategory } from '@cw/shared/domain/taxonomy';
import { caseApi } from '../api/case-api.ts';
import { pick, type Locale } from '../i18n/index.ts';

export const useTaxonomyStore = defineStore('taxonomy', () => {
  const categories = shallowRef<readonly CaseCategory[]>(CASE_CATEGORIES);
  let loading: Promise<void> | null = null;

  const byCode = computed(() => new Map(categories.value.map((c) => [c.code, c])));

  function load(): Promise<void> {
    loading ??= caseApi.taxonomy().then(
      (list) => {
        if (list.length > 0) categories.value = list;
      },
      (err: unknown) => {
        loading = null;
        console.warn('[taxonomy] using the shipped categories', err);
      },
    );
    return loading;
  }

  function name(code: string, lang: Locale): string {
    const c = byCode.value.get(code);
    return c ? pick(lang, c) : code;
  }

  /** Urgent categories count down on the wall clock, the others in working hours. */
  function isUrgent(code: string): boolean {
    return byCode.value.get(code)?.urgent ?? false;
  }

  return { categories, byCode, load, name, isUrgent };
});
