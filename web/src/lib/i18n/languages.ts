/** Languages a delegate can pick for themselves (the seminar's languages), named in their own script. */
import { workshopSeed } from '@plenary/shared/seed';

export const PERSON_LANGUAGES: readonly string[] = workshopSeed.languages;

export const nativeLanguageName = (lang: string): string => {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
    return name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : lang;
  } catch {
    return lang;
  }
};

/** City names in English and in their own script: one helper for the whole app (lib/i18n/city-label.ts). */
export { cityLabel } from './city-label.ts';
