/**
 * City names in English (the workshop's working language) and in their own script, from the seed
 * data: "Chengdu (成都)". A reader whose language is the city's own sees the native name first.
 */
import { localeOf, type Locale } from './locales.ts';

/** What the app knows of a city's names. */
export interface CityNames {
  en: string;
  native?: string;
  /** BCP-47 tag of the native name's language. */
  lang?: string;
}

/** One city name, split so that a component can mark the native part with its `lang`. */
export interface CityLabelParts {
  primary: string;
  primaryLang: string;
  secondary?: string;
  secondaryLang?: string;
}

export const cityLabelParts = (city: CityNames, locale: Locale): CityLabelParts => {
  const native = city.native && city.native !== city.en ? city.native : undefined;
  const nativeLang = city.lang ?? 'und';
  if (!native) return { primary: city.en, primaryLang: 'en' };
  if (city.lang && localeOf(city.lang) === locale) {
    return { primary: native, primaryLang: nativeLang, secondary: city.en, secondaryLang: 'en' };
  }
  return { primary: city.en, primaryLang: 'en', secondary: native, secondaryLang: nativeLang };
};

/** The label as plain text (for `<option>` and `title`): "Chengdu (成都)", or "กรุงเทพมหานคร (Bangkok)" for a Thai reader. */
export const cityLabel = (city: CityNames, locale: Locale): string => {
  const parts = cityLabelParts(city, locale);
  return parts.secondary ? `${parts.primary} (${parts.secondary})` : parts.primary;
};
