// A tiny typed i18n: zh-CN by default, English on request, remembered per browser.
import { computed, ref } from 'vue';
import { en, zh, type MessageKey, type Messages } from './messages.ts';

export type Locale = 'zh-CN' | 'en';
const STORAGE_KEY = 'cw.locale';
const dictionaries: Record<Locale, Messages> = { 'zh-CN': zh, en };

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

export const locale = ref<Locale>(initialLocale());

export function setLocale(next: Locale): void {
  locale.value = next;
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

export function translate(lang: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the zh or en side of a shared domain label. */
export function pick(lang: Locale, label: { zh: string; en: string }): string {
  return lang === 'en' ? label.en : label.zh;
}

export function useI18n() {
  return {
    locale,
    isEnglish: computed(() => locale.value === 'en'),
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(locale.value, key, params),
    label: (l: { zh: string; en: string }) => pick(locale.value, l),
    toggle: () => setLocale(locale.value === 'en' ? 'zh-CN' : 'en'),
  };
}
