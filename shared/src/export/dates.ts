/**
 * Dates and times of exported documents, in the document's language (through `Intl`) and, for
 * the one instant a document holds (the moment it was taken), in the reader's time zone, which
 * the document names. Calendar days (`yyyy-mm-dd`: workshop dates, timelines, milestones) belong
 * to no time zone: they are formatted in UTC so no zone moves them to the day before.
 *
 * The Intl locale is the document's language as given (`th` prints Buddhist-era years, as the web
 * app does for Thai readers). Where Intl has no data for a language, ISO text is printed instead.
 * Machine formats (CSV cells, JSON, iCalendar dates) keep ISO values and do not use this module.
 */
import { isIsoDate } from '../schema/dates.ts';

/** The zone of documents when the request names none (workshops carry no zone of their own yet). */
export const DEFAULT_TIME_ZONE = 'UTC';

/** IANA names: `Asia/Bangkok`, `America/Argentina/Buenos_Aires`, `Etc/GMT+7`, `UTC`. Offsets (`+07:00`) are not names. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const MAX_ZONE_LENGTH = 64;

/** The canonical IANA name of `value` (`asia/bangkok` → `Asia/Bangkok`), or null when it names no zone. */
export const canonicalTimeZone = (value: string): string | null => {
  if (value.length > MAX_ZONE_LENGTH || !ZONE_NAME.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

/** How one document writes its dates. */
export interface ExportDates {
  /** The IANA zone instants are shown in (named beside them). */
  zone: string;
  /** `yyyy-mm-dd` as the language writes a day; anything else is returned as it is. */
  day(iso: string): string;
  /** Two days as one span (`12–16 Mar 2026`), one end alone, or '' when neither is set. */
  range(start: string | null, end: string | null): string;
  /** An ISO instant as date and time in `zone`, followed by the zone's name. */
  instant(iso: string): string;
}

const midnight = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A formatter for `lang`, or null when Intl has no data for it (or the tag is not one Intl takes). */
const formatter = (lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | null => {
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([lang]).length === 0) return null;
    return new Intl.DateTimeFormat(lang, options);
  } catch {
    return null;
  }
};

/** Dates for a document in `lang`, instants in `timeZone` (canonicalised; UTC when it names no zone). */
export const exportDates = (lang: string, timeZone: string = DEFAULT_TIME_ZONE): ExportDates => {
  const zone = canonicalTimeZone(timeZone) ?? DEFAULT_TIME_ZONE;
  const days = formatter(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  // Without the language's data: an ISO day and 24-hour time (Swedish writes them so), in the zone.
  const times =
    formatter(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }) ??
    new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: zone });
  const day = (iso: string): string => (days && isIsoDate(iso) ? days.format(midnight(iso)) : iso);
  return {
    zone,
    day,
    range(start, end) {
      if (start && end) {
        if (days && isIsoDate(start) && isIsoDate(end) && start <= end) return days.formatRange(midnight(start), midnight(end));
        return `${day(start)} – ${day(end)}`;
      }
      return start ? day(start) : end ? day(end) : '';
    },
    instant(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      // The zone's IANA name reads the same in every language and leaves no doubt.
      return `${times.format(date)} (${zone})`;
    }
  };
};
