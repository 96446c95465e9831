/**
 * Dates, numbers and lists in the person's language, through `Intl`. Dates are stored as ISO
 * (`yyyy-mm-dd` calendar days, ISO 8601 instants) and only formatted here.
 *
 * The Intl locale is the interface language, with the calendar or digits the browser asks for in
 * that language (`th-TH-u-ca-gregory` keeps a Thai user's Gregorian choice): Thai users see
 * Buddhist-era years, the Intl default for Thai, unless their locale says otherwise. Regions are
 * not taken from the browser, so everyone reading one language sees one format.
 */
import { LOCALE_NAMES, LOCALE_TAGS, localeOf, type Locale } from './locales.ts';
import { keptOr } from './kept-texts.ts';
import { memo } from './memo.ts';

// Each Intl object is made once per language and options (memo.ts): a board draws a language tag
// and dates on many cards, and made anew for each they were a tenth of a second of its first
// screen on a phone.
const dateFormat = memo((tag: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, options));
const numberFormat = memo((tag: string, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(tag, options));
const listFormat = memo((tag: string) => new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' }));
/** Language names in `tag`'s language, and whether the browser has any (Chromium: not Khmer, Mongolian). */
const languageNames = memo((tag: string) => ({
  supported: Intl.DisplayNames.supportedLocalesOf([tag]).length > 0,
  names: new Intl.DisplayNames([tag], { type: 'language' })
}));

/** The Intl locale for `locale`, with the `-u-` preferences (calendar, digits) of the browser's tag for it. */
export const intlLocale = (locale: Locale, preferred: readonly string[] = browserLanguages()): string => {
  const own = preferred.find((tag) => localeOf(tag) === locale);
  const extension = own ? /-u(-[a-z0-9]{2,8})+$/i.exec(own)?.[0] : undefined;
  if (!extension) return LOCALE_TAGS[locale];
  try {
    return Intl.getCanonicalLocales(`${LOCALE_TAGS[locale]}${extension}`)[0] ?? LOCALE_TAGS[locale];
  } catch {
    return LOCALE_TAGS[locale];
  }
};

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether this browser has date data for the language. Chromium ships without Khmer and Mongolian
 * data, and would print "2018 M09 1"; those readers get the unambiguous ISO day instead.
 */
const hasDateData = memo((tag: string): boolean => {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
});

/**
 * A calendar day (`yyyy-mm-dd`) as the reader writes it. Formatted in UTC, so no time zone moves
 * it to the day before. Returns the input unchanged when it is not a valid day (shown, not lost).
 */
export const formatDay = (day: string, locale: Locale, style: 'short' | 'medium' | 'long' = 'medium'): string => {
  if (!ISO_DAY.test(day)) return day;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const tag = intlLocale(locale);
  // Written before on this device: no formatter to make (kept-texts.ts).
  return keptOr(`day|${tag}|${style}|${day}`, () => (hasDateData(tag) ? dateFormat(tag, { dateStyle: style, timeZone: 'UTC' }).format(date) : day));
};

/** A span of calendar days ("12–16 Mar 2018"), collapsing what the two days share. */
export const formatDayRange = (start: string, end: string, locale: Locale): string => {
  if (!ISO_DAY.test(start) || !ISO_DAY.test(end) || end < start || !hasDateData(intlLocale(locale)))
    return `${formatDay(start, locale)} – ${formatDay(end, locale)}`;
  const format = dateFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' });
  return format.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
};

/** An instant (ISO 8601) as date and time in the reader's own time zone. */
export const formatInstant = (iso: string, locale: Locale): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const tag = intlLocale(locale);
  // Without the language's data: ISO day and 24-hour time, in the reader's own time zone.
  if (!hasDateData(tag)) return dateFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' }).format(date);
  return dateFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

/** A number with the reader's digits and grouping. */
export const formatNumber = (value: number, locale: Locale, options?: Intl.NumberFormatOptions): string =>
  numberFormat(intlLocale(locale), options).format(value);

/** "Seoul, Porto and Jakarta" in the reader's language. */
export const formatList = (items: readonly string[], locale: Locale): string => listFormat(intlLocale(locale)).format(items);

/**
 * A language's name in the reader's language (`ja` → "Japanese" / "ญี่ปุ่น"). Where the browser
 * has no names in the reader's language (Chromium: Khmer, Mongolian), one of the seminar's
 * languages is named in its own script ("ไทย"), which its speakers and the reader can both place.
 */
export const languageName = (lang: string, locale: Locale): string => {
  const own = localeOf(lang);
  const tag = intlLocale(locale);
  try {
    // Named before on this device: no names to load (kept-texts.ts).
    return keptOr(`language|${tag}|${lang}`, () => {
      const { supported, names } = languageNames(tag);
      return !supported && own ? LOCALE_NAMES[own] : (names.of(lang) ?? lang);
    });
  } catch {
    // A tag the browser refuses is not kept: named again (and refused again) next time.
    return own ? LOCALE_NAMES[own] : lang;
  }
};
