/** Interface languages. English and Thai are complete; the others follow (see docs). */
export const LOCALES = ['en', 'th'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';

/** Native names, shown in the language picker in their own script. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  th: 'ไทย'
};

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** First guess from the browser's preferred languages. */
export const guessLocale = (preferred: readonly string[]): Locale => {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return BASE_LOCALE;
};
