/**
 * The device's copy of what Intl wrote (web/src/lib/i18n/kept-texts.ts): a text is made once and
 * then answered from the copy; a make that throws keeps nothing; and however many distinct texts a
 * board's cards ask for (a card may claim any language tag), the copy holds at most MAX_TEXTS, the
 * oldest going first. (In Node there is no localStorage: the copy lives for the test file.)
 */
import { describe, expect, it } from 'vitest';
import { keptOr, MAX_TEXTS } from '../../../web/src/lib/i18n/kept-texts.ts';

/** A make that counts its calls. */
const counting = (text: string) => {
  const make = () => {
    make.calls++;
    return text;
  };
  make.calls = 0;
  return make;
};

describe('kept texts', () => {
  it('makes a text once and answers it from the copy after', () => {
    const first = counting('12 Mar 2026');
    expect(keptOr('day|en|medium|2026-03-12', first)).toBe('12 Mar 2026');
    const again = counting('another');
    expect(keptOr('day|en|medium|2026-03-12', again)).toBe('12 Mar 2026');
    expect([first.calls, again.calls]).toEqual([1, 0]);
  });

  it('keeps nothing when the make throws: the next call makes it again', () => {
    expect(() =>
      keptOr('language|en|xx-invalid', () => {
        throw new RangeError('invalid language tag');
      })
    ).toThrow(RangeError);
    const retry = counting('named');
    expect(keptOr('language|en|xx-invalid', retry)).toBe('named');
    expect(retry.calls).toBe(1);
  });

  it(`holds at most ${MAX_TEXTS} texts, dropping the oldest, whatever the cards ask for`, () => {
    const flood = MAX_TEXTS + 100;
    for (let i = 0; i < flood; i++) keptOr(`language|en|x-flood-${i}`, () => `Flood ${i}`);
    // The oldest were dropped: made again when asked.
    const oldest = counting('Flood 0');
    keptOr('language|en|x-flood-0', oldest);
    expect(oldest.calls).toBe(1);
    // The newest are still kept.
    const newest = counting('never');
    expect(keptOr(`language|en|x-flood-${flood - 1}`, newest)).toBe(`Flood ${flood - 1}`);
    expect(newest.calls).toBe(0);
  });
});
