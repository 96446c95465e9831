/** Addresses of board exports (server/src/http/exports.ts): plain links, not fetch calls. */
import type { ExportFormat } from '@plenary/shared/export';

/** The language of an export's headings and text, and how translations are used (see the export routes). */
export interface ExportLanguageChoice {
  lang: string;
  mode: 'working' | 'original' | 'side-by-side';
}

/** Where a board (or one of its versions) is downloaded as `format`; the token rides in the query, as links cannot send headers. */
export const exportUrl = (
  boardId: string,
  token: string,
  format: ExportFormat | 'print',
  versionId?: string,
  language?: ExportLanguageChoice
): string => {
  const query = new URLSearchParams({ token });
  if (versionId) query.set('version', versionId);
  if (language) {
    query.set('lang', language.lang);
    query.set('mode', language.mode);
  }
  const file = format === 'print' ? 'print' : `export.${format}`;
  return `/api/boards/${encodeURIComponent(boardId)}/${file}?${query}`;
};
