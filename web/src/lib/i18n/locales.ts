/** Interface languages: the seminar's twelve (see `shared/src/seed/workshop-seed.json`). */
export const LOCALES = ['en', 'th', 'zh', 'ja', 'ko', 'vi', 'id', 'ru', 'km', 'mn', 'hu', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';

/**
 * Each language's name for itself, in its own script (the language lists show these): written out
 * here because Chromium has no Khmer or Mongolian names and would show "Khmer" and "Mongolian".
 */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  th: 'ไทย',
  zh: '简体中文',
  ja: '日本語',
  ko: '한국어',
  vi: 'Tiếng Việt',
  id: 'Bahasa Indonesia',
  ru: 'Русский',
  km: 'ភាសាខ្មែរ',
  mn: 'Монгол',
  hu: 'Magyar',
  pt: 'Português'
};

/**
 * BCP-47 tag each interface language is written in. Chinese is Simplified (`zh-Hans`);
 * Mongolian is Cyrillic (`mn-Cyrl`), the script Mongolia uses day to day.
 */
export const LOCALE_TAGS: Record<Locale, string> = {
  en: 'en',
  th: 'th',
  zh: 'zh-Hans',
  ja: 'ja',
  ko: 'ko',
  vi: 'vi',
  id: 'id',
  ru: 'ru',
  km: 'km',
  mn: 'mn-Cyrl',
  hu: 'hu',
  pt: 'pt'
};

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The interface language of a BCP-47 tag (`zh-CN` → `zh`, `pt-BR` → `pt`), or undefined. */
export const localeOf = (tag: string): Locale | undefined => {
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
};

/** First guess from the browser's preferred languages. */
export const guessLocale = (preferred: readonly string[]): Locale => {
  for (const tag of preferred) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return BASE_LOCALE;
};
