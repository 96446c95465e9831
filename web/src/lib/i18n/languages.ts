/** Languages a delegate can pick for themselves (the seminar's languages), named in their own script. */
import { workshopSeed } from '@plenary/shared/seed';
import { languageName } from './format.ts';
import { LOCALE_NAMES, localeOf, type Locale } from './locales.ts';

export const PERSON_LANGUAGES: readonly string[] = workshopSeed.languages;

/** A language's name for itself (ភាសាខ្មែរ, Монгол): the app's own list for its twelve, else the browser's. */
export const nativeLanguageName = (lang: string): string => {
  const own = localeOf(lang);
  if (own && own === lang.toLowerCase()) return LOCALE_NAMES[own];
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
    return name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : lang;
  } catch {
    return lang;
  }
};

/** City names in English and in their own script: one helper for the whole app (lib/i18n/city-label.ts). */
export { cityLabel } from './city-label.ts';

/** "ភាសាខ្មែរ — Khmer": the language's own name, then the reader's name for it when that differs. */
export const languageChoiceLabel = (lang: string, locale: Locale): string => {
  const native = nativeLanguageName(lang);
  const theirs = languageName(lang, locale);
  return theirs && theirs.toLocaleLowerCase() !== native.toLocaleLowerCase() && localeOf(lang) !== locale ? `${native} — ${theirs}` : native;
};
