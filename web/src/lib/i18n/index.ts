export { i18n } from './i18n.svelte.ts';
export { LOCALES, LOCALE_NAMES, type Locale, isLocale } from './locales.ts';
