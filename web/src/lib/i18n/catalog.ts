/**
 * Message catalogue. Messages live in `messages/<locale>/<area>.json` (one area per feature, so
 * features do not edit one shared file) and are ICU MessageFormat strings. A message's key is
 * `<area>.<key>`, e.g. `board.addCard`. The app's build parses them beforehand
 * (web/precompile-messages.ts), so the browser gets syntax trees and no ICU parser; code run
 * without that build (unit tests) gets the strings, which `IntlMessageFormat` parses itself.
 *
 * English (the fallback) is part of the app; each other language is a separate chunk fetched when
 * someone chooses it, so a page carries one or two languages instead of twelve.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { BASE_LOCALE, LOCALE_TAGS, type Locale } from './locales.ts';
import { sharedFormatters } from './formatters.ts';
import { memo } from './memo.ts';

/** A message: its ICU MessageFormat text, or the syntax tree the build parsed it into. */
type Messages = Record<string, ConstructorParameters<typeof IntlMessageFormat>[0]>;

const english = import.meta.glob<Messages>('./messages/en/*.json', { eager: true, import: 'default' });
const others = import.meta.glob<Messages>(['./messages/*/*.json', '!./messages/en/*.json'], { import: 'default' });

const catalog = new Map<string, Messages>();
const addFiles = (files: Record<string, Messages>) => {
  for (const [path, messages] of Object.entries(files)) {
    const match = /\.\/messages\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, locale, area] = match as unknown as [string, string, string];
    const target = catalog.get(locale) ?? {};
    for (const [key, text] of Object.entries(messages)) target[`${area}.${key}`] = text;
    catalog.set(locale, target);
  }
};
addFiles(english);

const loading = new Map<string, Promise<void>>();
/** Fetches a language's messages (once); resolves when `format` can use them. */
export const loadLocale = (locale: Locale): Promise<void> => {
  if (catalog.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    const prefix = `./messages/${locale}/`;
    pending = Promise.all(
      Object.entries(others)
        .filter(([path]) => path.startsWith(prefix))
        .map(async ([path, load]) => [path, await load()] as const)
    ).then((files) => addFiles(Object.fromEntries(files)));
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
};

const compiled = new Map<string, IntlMessageFormat>();

/**
 * IntlMessageFormat asks ICU which locale it supports for every message it compiles
 * (`Intl.NumberFormat.supportedLocalesOf`). Its first answer loads ICU's whole list of locales: a
 * tenth of a second of a board's first view on an emulated mid-range phone, twice what the first
 * number format costs. For one language tag the answer is that tag whether ICU has it or not (the
 * library falls back to it), so a single tag is turned into its locale without asking; a list of
 * tags (which nothing here passes) is asked as before, once per list.
 */
const resolveLocale = IntlMessageFormat.resolveLocale;
IntlMessageFormat.resolveLocale = memo((locales: string | string[]) => {
  const tag = typeof locales === 'string' ? locales : locales.length === 1 ? locales[0] : undefined;
  return tag !== undefined && typeof Intl.Locale === 'function' ? new Intl.Locale(tag) : resolveLocale(locales);
});

/** Formats `key` in `locale`, falling back to English, then to the key itself. */
export const format = (locale: Locale, key: string, values?: Record<string, unknown>): string => {
  const own = catalog.get(locale)?.[key];
  const source = own ?? catalog.get(BASE_LOCALE)?.[key];
  if (source === undefined) return key;
  const lang = own === undefined ? BASE_LOCALE : locale;
  const cacheKey = `${lang}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    message = new IntlMessageFormat(source, LOCALE_TAGS[lang], undefined, { formatters: sharedFormatters });
    compiled.set(cacheKey, message);
  }
  return String(message.format(values as Record<string, string>));
};
