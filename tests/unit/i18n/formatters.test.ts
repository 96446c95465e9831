/**
 * The formatters every message shares (web/src/lib/i18n/formatters.ts): a whole number from 0 to
 * 999 is written as its digits without making an Intl.NumberFormat, which must be exactly what
 * Intl writes in every language of the app; anything else goes to Intl. A lane's count in a
 * language met for the first time makes no number format at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_TAGS } from '../../../web/src/lib/i18n/locales.ts';
import { sharedFormatters } from '../../../web/src/lib/i18n/formatters.ts';
import { format, loadLocale } from '../../../web/src/lib/i18n/catalog.ts';

describe('shared message formatters', () => {
  beforeAll(() => Promise.all([loadLocale('ko'), loadLocale('th')]));

  it('write every number as Intl does, in every language of the app', () => {
    for (const tag of Object.values(LOCALE_TAGS)) {
      const intl = new Intl.NumberFormat(tag);
      const shared = sharedFormatters.getNumberFormat(tag);
      for (let n = 0; n < 1000; n++) expect(shared.format(n), `${tag} ${n}`).toBe(intl.format(n));
      for (const n of [1000, 1500, 12_345, 1_000_000, -3, 2.5, 0.125]) expect(shared.format(n), `${tag} ${n}`).toBe(intl.format(n));
      const percent = { style: 'percent' } as const;
      expect(sharedFormatters.getNumberFormat(tag, percent).format(0.42)).toBe(new Intl.NumberFormat(tag, percent).format(0.42));
      expect(sharedFormatters.getNumberFormat(tag, { maximumFractionDigits: 0 }).format(7)).toBe(
        new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(7)
      );
    }
  });

  it('make one formatter per language and options, shared by every message', () => {
    expect(sharedFormatters.getNumberFormat('ko')).toBe(sharedFormatters.getNumberFormat('ko'));
    expect(sharedFormatters.getPluralRules('ko', { type: 'cardinal' })).toBe(sharedFormatters.getPluralRules('ko', { type: 'cardinal' }));
    expect(sharedFormatters.getNumberFormat('ko', { style: 'percent' })).not.toBe(sharedFormatters.getNumberFormat('ko'));
  });

  it("write a lane's count without making a number format, and a larger number with one", () => {
    // Counts the number formats made: a proxy of the constructor that constructs the real one.
    const original = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = new Proxy(original, {
      construct: (target, args: ConstructorParameters<typeof Intl.NumberFormat>) => {
        made++;
        return new target(...args);
      }
    });
    try {
      expect(format('ko', 'board.lane.count', { count: 7 })).toContain('7');
      expect(format('th', 'board.lane.count', { count: 12 })).toContain('12');
      expect(made).toBe(0);
      expect(format('ko', 'refusal.deny.boardFull', { max: 1500 })).toContain('1,500');
      expect(made).toBe(1);
    } finally {
      Intl.NumberFormat = original;
    }
  });
});
