export { i18n } from './i18n.svelte.ts';
export { LOCALES, LOCALE_NAMES, LOCALE_TAGS, type Locale, isLocale, localeOf } from './locales.ts';
export { formatDay, formatDayRange, formatInstant, formatNumber, formatList, languageName, intlLocale } from './format.ts';
export { cityLabel, cityLabelParts, type CityNames, type CityLabelParts } from './city-label.ts';
