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

/** "Chengdu (成都)": the English name, with the native one when it differs. */
export const cityLabel = (city: { en: string; native?: string }): string =>
  city.native && city.native !== city.en ? `${city.en} (${city.native})` : city.en;
