/** Addresses of exports (server/src/http/exports.ts): plain links, not fetch calls. */
import type { ExportFormat } from '@plenary/shared/export';

/** The language of an export's headings and text, and how translations are used (see the export routes). */
export interface ExportLanguageChoice {
  lang: string;
  mode: 'working' | 'original' | 'side-by-side';
}

/** What is exported: one board (or one of its saved versions), or every board of a workshop (the joint plan). */
export type ExportTarget = { board: string; version?: string } | { workshop: string };

/** This device's IANA time zone: documents show the moment they were taken in it. */
export const readerTimeZone = (): string | undefined => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
};

/**
 * Where `target` is downloaded as `format` (or its print page); the token rides in the query, as
 * links cannot send headers. The reader's time zone goes along, so the document's times are theirs.
 */
export const exportUrl = (
  target: ExportTarget,
  token: string,
  format: ExportFormat | 'print',
  language?: ExportLanguageChoice,
  timeZone: string | undefined = readerTimeZone()
): string => {
  const query = new URLSearchParams({ token });
  if ('board' in target && target.version) query.set('version', target.version);
  if (language) {
    query.set('lang', language.lang);
    query.set('mode', language.mode);
  }
  if (timeZone) query.set('tz', timeZone);
  const file = format === 'print' ? 'print' : `export.${format}`;
  const base = 'board' in target ? `/api/boards/${encodeURIComponent(target.board)}` : `/api/workshops/${encodeURIComponent(target.workshop)}`;
  return `${base}/${file}?${query}`;
};
