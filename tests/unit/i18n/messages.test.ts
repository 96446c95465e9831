/**
 * The message catalogue is complete in every interface language: no key missing or left over in
 * any locale, every key used by the web app, every placeholder identical across languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCatalog, readSources, referencedKeys } from './message-files.ts';
import { placeholderSignature } from './placeholders.ts';

const BASE = 'en';
const catalog = readCatalog();
const base = catalog.get(BASE)!;
const locales = [...catalog.keys()];
const dynamic = (JSON.parse(readFileSync(new URL('./dynamic-keys.json', import.meta.url), 'utf8')) as { keys: string[] }).keys;

describe('message catalogue', () => {
  it('has every interface language listed in locales.ts, and only those', () => {
    const source = readFileSync(new URL('../../../web/src/lib/i18n/locales.ts', import.meta.url), 'utf8');
    const listed =
      /LOCALES = \[([^\]]*)\]/
        .exec(source)?.[1]
        ?.match(/'([a-z-]+)'/g)
        ?.map((s) => s.slice(1, -1)) ?? [];
    expect(listed.length).toBe(12);
    expect([...locales].sort()).toEqual([...listed].sort());
  });

  it.each(locales.filter((l) => l !== BASE))('%s has every key of English and no other', (locale) => {
    const messages = catalog.get(locale)!;
    const missing = [...base.keys()].filter((key) => !messages.has(key));
    const extra = [...messages.keys()].filter((key) => !base.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(locales)('%s: every message parses and has the same placeholders as English', (locale) => {
    const differences: string[] = [];
    for (const [key, message] of catalog.get(locale)!) {
      const english = base.get(key);
      if (english === undefined) continue;
      let own: string[];
      try {
        own = placeholderSignature(message);
      } catch (error) {
        differences.push(`${key}: does not parse (${(error as Error).message})`);
        continue;
      }
      const expected = placeholderSignature(english);
      if (own.join() !== expected.join()) differences.push(`${key}: ${own.join(', ')} ≠ ${expected.join(', ')}`);
    }
    expect(differences).toEqual([]);
  });

  it('no message is left untranslated by copying the English text (beyond names and formats)', () => {
    const copied: string[] = [];
    for (const locale of locales) {
      if (locale === BASE) continue;
      for (const [key, message] of catalog.get(locale)!) {
        const english = base.get(key);
        if (english && message === english && hasWords(english) && !isCognate(locale, english)) copied.push(`${locale} ${key}`);
      }
    }
    expect(copied).toEqual([]);
  });

  it('every key is used by the web app', () => {
    const areas = [...new Set([...base.keys()].map((key) => key.split('.')[0]!))];
    const { literals, prefixes } = referencedKeys(readSources(), areas);
    const used = (key: string) => literals.has(key) || dynamic.includes(key) || [...prefixes].some((p) => key.startsWith(p));
    expect([...base.keys()].filter((key) => !used(key))).toEqual([]);
  });

  it('every key the web app uses exists', () => {
    const areas = [...new Set([...base.keys()].map((key) => key.split('.')[0]!))];
    const { literals } = referencedKeys(readSources(), areas);
    expect([...literals].filter((key) => !base.has(key))).toEqual([]);
  });
});

/** Names that stay as they are in every language: the product, file formats, keys on a keyboard. */
const NAMES = /\b(Plenary|Word|Markdown|JSON|PDF|CSV|Wi-Fi|QR|Enter|Alt|Ctrl|Shift)\b/g;

/** Whether a message has English words of its own once placeholders, names and file types are taken out. */
const hasWords = (message: string): boolean => {
  let text = message;
  // Innermost placeholders first, until none is left (plural options nest).
  for (let before = ''; before !== text; ) [before, text] = [text, text.replace(/\{[^{}]*\}/g, ' ')];
  return /[a-z]{4,}/i.test(text.replace(NAMES, ' ').replace(/\(\.[a-z]+\)/g, ' '));
};

/** Words that are spelled the same in English and in a Latin-script language (e.g. "Status", "Target"). */
const isCognate = (locale: string, english: string): boolean => ['id', 'pt', 'hu', 'vi'].includes(locale) && english.split(/\s+/).length <= 2;
