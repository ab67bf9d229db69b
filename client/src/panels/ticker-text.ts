// What a ticker line says about a case event, in the wall's language.
import { CASE_STATE_LABEL } from '@cw/shared/domain/case';
import { CASE_CATEGORY_BY_CODE } from '@cw/shared/domain/taxonomy';
import { pick, translate, type Locale } from '../i18n/index.ts';
import type { TickerEntry } from '../stores/cases.ts';

export function tickerAction(entry: TickerEntry, lang: Locale): string {
  switch (entry.type) {
    case 'created':
      return translate(lang, 'ticker.created');
    case 'escalated':
      return translate(lang, 'ticker.escalated');
    case 'commented':
      return translate(lang, 'ticker.commented');
    case 'photo':
      return translate(lang, 'ticker.photo');
    case 'transitioned':
      return entry.to ? pick(lang, CASE_STATE_LABEL[entry.to]) : '';
  }
}

export function tickerCategory(entry: TickerEntry, lang: Locale): string {
  const category = CASE_CATEGORY_BY_CODE.get(entry.category);
  return category ? pick(lang, category) : entry.category;
}
