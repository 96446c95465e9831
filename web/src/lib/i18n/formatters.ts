/**
 * The number, date and plural formatters every compiled message shares (catalog.ts passes them to
 * IntlMessageFormat, which otherwise makes its own for each message), each made once per language
 * and options.
 *
 * A whole number from 0 to 999 formatted without options (a lane's "12 cards", a plural's `#`) is
 * written as its digits, without making an `Intl.NumberFormat`: every language of the app writes
 * those in Latin digits with nothing to group (tests/unit/i18n/formatters.test.ts checks each
 * language against Intl). The first number format a page makes loads ICU's number data — about
 * 90 ms of a board's first screen on an emulated mid-range phone, where the lanes' counts were the
 * only numbers. Anything else goes to the language's real number format, made when first needed.
 */
import type { Formatters } from 'intl-messageformat';
import { memo } from './memo.ts';

type NumberFormatOptions = Intl.NumberFormatOptions | undefined;

/** Whole numbers below this are written as their digits, without a number format. */
const PLAIN_BELOW = 1000;

const isPlain = (value: unknown, options: NumberFormatOptions): value is number =>
  options === undefined && typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < PLAIN_BELOW;

/**
 * A number format for `locales` and `options` that makes the real one only for numbers it cannot
 * write itself. IntlMessageFormat calls only `format`; the rest is passed on for completeness.
 */
const lazyNumberFormat = (locales: string | string[] | undefined, options: NumberFormatOptions): Intl.NumberFormat => {
  let real: Intl.NumberFormat | undefined;
  const get = (): Intl.NumberFormat => (real ??= new Intl.NumberFormat(locales, options));
  return {
    format: (value: number | bigint) => (isPlain(value, options) ? String(value) : get().format(value)),
    formatToParts: (value?: number | bigint) => get().formatToParts(value),
    formatRange: (start: number | bigint, end: number | bigint) => get().formatRange(start, end),
    formatRangeToParts: (start: number | bigint, end: number | bigint) => get().formatRangeToParts(start, end),
    resolvedOptions: () => get().resolvedOptions()
  } as Intl.NumberFormat;
};

export const sharedFormatters: Formatters = {
  getNumberFormat: memo((locales?: string | string[], options?: Intl.NumberFormatOptions) => lazyNumberFormat(locales, options)),
  getDateTimeFormat: memo((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
  getPluralRules: memo((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args))
};
