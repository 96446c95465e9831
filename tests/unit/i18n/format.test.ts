/** Dates, numbers and city names in the reader's language (web/src/lib/i18n/format.ts, city-label.ts). */
import { describe, expect, it } from 'vitest';
import { formatDay, formatDayRange, formatNumber, intlLocale, languageName } from '../../../web/src/lib/i18n/format.ts';
import { cityLabel, cityLabelParts } from '../../../web/src/lib/i18n/city-label.ts';

/** Intl uses thin and no-break spaces; compare with plain ones. */
const plain = (s: string): string => s.replace(/\s/g, ' ');

const chengdu = { en: 'Chengdu', native: '成都', lang: 'zh' };
const bangkok = { en: 'Bangkok', native: 'กรุงเทพมหานคร', lang: 'th' };

describe('dates and numbers in the reader’s locale', () => {
  it('Thai readers see the Buddhist-era year; others the Gregorian one', () => {
    expect(formatDay('2018-03-12', 'th', 'long')).toBe('12 มีนาคม 2561');
    expect(formatDay('2018-03-12', 'en', 'long')).toBe('March 12, 2018');
    expect(formatDay('2018-03-12', 'ja', 'long')).toBe('2018年3月12日');
  });

  it('a Thai reader whose browser asks for the Gregorian calendar gets it', () => {
    expect(intlLocale('th', ['th-TH-u-ca-gregory'])).toBe('th-u-ca-gregory');
    expect(formatDay('2018-03-12', 'th', 'long')).toBe('12 มีนาคม 2561');
    expect(intlLocale('th', ['en-GB', 'th-TH'])).toBe('th');
    expect(intlLocale('zh', [])).toBe('zh-Hans');
    expect(intlLocale('mn', ['de'])).toBe('mn-Cyrl');
  });

  it('calendar days never move with the time zone, and a bad day is shown as it is', () => {
    expect(formatDay('2018-03-16', 'en', 'short')).toBe('3/16/18');
    expect(formatDay('not-a-day', 'en')).toBe('not-a-day');
    expect(plain(formatDayRange('2018-03-12', '2018-03-16', 'en'))).toBe('Mar 12 – 16, 2018');
  });

  it('numbers and language names', () => {
    expect(plain(formatNumber(1234567.5, 'ru'))).toBe('1 234 567,5');
    expect(plain(formatNumber(1234567.5, 'hu'))).toBe('1 234 567,5');
    expect(languageName('km', 'en')).toBe('Khmer');
    expect(languageName('th', 'ja')).toBe('タイ語');
  });
});

describe('city names in English and their own script', () => {
  it('English first, native in brackets, for readers of other languages', () => {
    expect(cityLabel(chengdu, 'en')).toBe('Chengdu (成都)');
    expect(cityLabel(bangkok, 'ja')).toBe('Bangkok (กรุงเทพมหานคร)');
  });
  it('the native name first for readers of the city’s own language', () => {
    expect(cityLabel(bangkok, 'th')).toBe('กรุงเทพมหานคร (Bangkok)');
    expect(cityLabelParts(chengdu, 'zh')).toEqual({ primary: '成都', primaryLang: 'zh', secondary: 'Chengdu', secondaryLang: 'en' });
  });
  it('one name when both are the same', () => {
    expect(cityLabel({ en: 'Porto', native: 'Porto', lang: 'pt' }, 'pt')).toBe('Porto');
  });
});

describe('Intl objects behind the formats', () => {
  /** Counts the objects `name` constructs while `run` runs: a proxy of the constructor that constructs the real one. */
  const counting = <K extends 'DateTimeFormat' | 'DisplayNames' | 'NumberFormat'>(name: K, run: () => void): number => {
    const original = Intl[name];
    let made = 0;
    (Intl as Record<K, unknown>)[name] = new Proxy(original, {
      construct: (target, args: unknown[]) => {
        made++;
        return Reflect.construct(target, args);
      }
    });
    try {
      run();
    } finally {
      (Intl as Record<K, unknown>)[name] = original;
    }
    return made;
  };

  it('are made once per language and options, however many cards show a date or a language', () => {
    const days = counting('DateTimeFormat', () => {
      for (let card = 0; card < 50; card++) expect(formatDay(`2018-03-${10 + (card % 9)}`, 'ko', 'short')).toMatch(/^18\. 3\. 1\d\.$/);
    });
    expect(days).toBeLessThanOrEqual(1);
    const names = counting('DisplayNames', () => {
      for (let card = 0; card < 50; card++) expect(languageName(card % 2 ? 'th' : 'vi', 'pt')).toMatch(/^(tailandês|vietnamita)$/);
    });
    expect(names).toBeLessThanOrEqual(1);
    const numbers = counting('NumberFormat', () => {
      for (let n = 0; n < 50; n++) formatNumber(1000 + n, 'id');
    });
    expect(numbers).toBeLessThanOrEqual(1);
  });
});
