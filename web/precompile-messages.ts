/**
 * Vite plugin: the interface messages (`src/lib/i18n/messages/<locale>/<area>.json`, ICU
 * MessageFormat strings) are parsed at build time into the syntax trees `intl-messageformat`
 * formats, each with its own language's rules, and the browser gets the trees with the no-parser
 * build of the ICU parser package: it formats without downloading the parser (about 9 KiB).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { LOCALE_TAGS, isLocale } from './src/lib/i18n/locales.ts';

// The parser is intl-messageformat's own dependency: load the very copy it formats with.
const fromIntl = createRequire(createRequire(import.meta.url).resolve('intl-messageformat'));
const parserEntry = fromIntl.resolve('@formatjs/icu-messageformat-parser');
const { parse } = fromIntl('@formatjs/icu-messageformat-parser') as { parse: (text: string, options: { locale: Intl.Locale }) => unknown };

const MESSAGE_FILE = /\/src\/lib\/i18n\/messages\/([^/]+)\/[^/]+\.json$/;

export const precompileMessages = (): Plugin => ({
  name: 'plenary:precompile-messages',
  enforce: 'pre',
  config: () => ({
    resolve: {
      alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: join(dirname(parserEntry), 'lib', 'no-parser.js') }]
    }
  }),
  transform(code, id) {
    const match = MESSAGE_FILE.exec(id.split('?')[0]!);
    if (!match) return null;
    const locale = match[1]!;
    if (!isLocale(locale)) this.error(`messages for an unknown language: ${id}`);
    const messages = JSON.parse(code) as Record<string, string>;
    // Parsed as IntlMessageFormat would parse them at run time (its locale, tags read as tags).
    const trees = Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, parse(text, { locale: new Intl.Locale(LOCALE_TAGS[locale]) })]));
    // Still JSON: Vite's own JSON plugin turns it into a module after this one.
    return { code: JSON.stringify(trees), map: null };
  }
});
