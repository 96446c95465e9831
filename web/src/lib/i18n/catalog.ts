/**
 * Message catalogue. Messages live in `messages/<locale>/<area>.json` (one area per feature, so
 * features do not edit one shared file) and are ICU MessageFormat strings. A message's key is
 * `<area>.<key>`, e.g. `board.addCard`.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { BASE_LOCALE, LOCALE_TAGS, type Locale } from './locales.ts';

type Messages = Record<string, string>;

const files = import.meta.glob<Messages>('./messages/*/*.json', { eager: true, import: 'default' });

const catalog = new Map<string, Messages>();
for (const [path, messages] of Object.entries(files)) {
  const match = /\.\/messages\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, locale, area] = match as unknown as [string, string, string];
  const target = catalog.get(locale) ?? {};
  for (const [key, text] of Object.entries(messages)) target[`${area}.${key}`] = text;
  catalog.set(locale, target);
}

const compiled = new Map<string, IntlMessageFormat>();

/** Formats `key` in `locale`, falling back to English, then to the key itself. */
export const format = (locale: Locale, key: string, values?: Record<string, unknown>): string => {
  const own = catalog.get(locale)?.[key];
  const source = own ?? catalog.get(BASE_LOCALE)?.[key];
  if (source === undefined) return key;
  const lang = own === undefined ? BASE_LOCALE : locale;
  const cacheKey = `${lang}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    message = new IntlMessageFormat(source, LOCALE_TAGS[lang]);
    compiled.set(cacheKey, message);
  }
  return String(message.format(values as Record<string, string>));
};

/** Every key of a locale (for completeness checks). */
export const keysOf = (locale: Locale): string[] => Object.keys(catalog.get(locale) ?? {});
