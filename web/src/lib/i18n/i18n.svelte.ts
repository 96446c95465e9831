/**
 * The person's interface language: reactive, remembered on this device, first guessed from the
 * browser. Components call `i18n.t('area.key', { values })`.
 */
import { format } from './catalog.ts';
import { BASE_LOCALE, LOCALE_TAGS, guessLocale, isLocale, type Locale } from './locales.ts';

const STORAGE_KEY = 'plenary.locale';

class I18n {
  locale = $state<Locale>(BASE_LOCALE);

  constructor() {
    if (typeof window === 'undefined') return;
    const saved = localStorage.getItem(STORAGE_KEY);
    this.locale = isLocale(saved) ? saved : guessLocale(navigator.languages ?? []);
    document.documentElement.lang = LOCALE_TAGS[this.locale];
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = LOCALE_TAGS[locale];
  }

  /** Reads `this.locale`, so templates re-render when the language changes. */
  t = (key: string, values?: Record<string, unknown>): string => format(this.locale, key, values);

  /** The BCP-47 tag of the interface language (`zh-Hans`, `mn-Cyrl`…), for `lang` attributes. */
  get tag(): string {
    return LOCALE_TAGS[this.locale];
  }
}

export const i18n = new I18n();
