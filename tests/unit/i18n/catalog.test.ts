/**
 * Messages compiled in several languages, one after another, each keep their own language's rules
 * (web/src/lib/i18n/catalog.ts turns a language's tag into its locale once and reuses it), and
 * compiling them never asks ICU for its list of locales, whose first answer is slow on a phone.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { format, loadLocale } from '../../../web/src/lib/i18n/catalog.ts';

/** Intl uses thin and no-break spaces; compare with plain ones. */
const plain = (s: string): string => s.replace(/\s/g, ' ');

describe('message catalogue', () => {
  beforeAll(() => Promise.all([loadLocale('ru'), loadLocale('hu'), loadLocale('pt'), loadLocale('mn')]));
  afterEach(() => vi.restoreAllMocks());

  it('plural and number rules stay with each language, in whatever order messages are first compiled', () => {
    expect(format('ru', 'board.lane.count', { count: 3 })).toBe('3 карточки');
    expect(format('en', 'board.lane.count', { count: 3 })).toBe('3 cards');
    expect(format('ru', 'board.lane.count', { count: 5 })).toBe('5 карточек');
    expect(format('en', 'board.lane.count', { count: 1 })).toBe('1 card');
    expect(plain(format('en', 'refusal.deny.boardFull', { max: 1500 }))).toContain('(1,500 cards)');
    expect(plain(format('ru', 'refusal.deny.boardFull', { max: 1500 }))).toContain('1 500');
    expect(plain(format('hu', 'refusal.deny.boardFull', { max: 1500 }))).toContain('1500');
  });

  it('compiles messages in a language met for the first time without asking ICU which locales it has', () => {
    const asked = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    expect(format('pt', 'board.lane.count', { count: 2 })).toBe('2 cartões');
    expect(format('mn', 'board.lane.count', { count: 2 })).toMatch(/^2 /);
    expect(plain(format('pt', 'refusal.deny.boardFull', { max: 1500 }))).toContain('(1.500 cartões)');
    expect(asked).not.toHaveBeenCalled();
  });
});
