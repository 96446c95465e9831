/**
 * The person's interface language: reactive, remembered on this device, first guessed from the
 * browser. Components call `i18n.t('area.key', { values })`.
 */
import { format, loadLocale } from './catalog.ts';
import { BASE_LOCALE, LOCALE_TAGS, guessLocale, isLocale, type Locale } from './locales.ts';

const STORAGE_KEY = 'plenary.locale';

class I18n {
  locale = $state<Locale>(BASE_LOCALE);
  /** Resolves once the language chosen at start is loaded (the root layout waits for it). */
  readonly ready: Promise<void>;
  #wanted: Locale = BASE_LOCALE;

  constructor() {
    if (typeof window === 'undefined') {
      this.ready = Promise.resolve();
      return;
    }
    const saved = localStorage.getItem(STORAGE_KEY);
    this.ready = this.#switchTo(isLocale(saved) ? saved : guessLocale(navigator.languages ?? []));
  }

  /** Switches the interface language (after fetching its messages) and remembers it. */
  setLocale(locale: Locale): Promise<void> {
    localStorage.setItem(STORAGE_KEY, locale);
    return this.#switchTo(locale);
  }

  async #switchTo(locale: Locale): Promise<void> {
    this.#wanted = locale;
    // Offline with a language never fetched on this device: stay in the current one.
    await loadLocale(locale).catch(() => undefined);
    if (this.#wanted !== locale) return;
    this.locale = locale;
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
