/**
 * The export formats: file extension, media type, and one `renderExport` that dispatches to the
 * renderers. PDF is the print page (`renderPrintHtml`) printed by a browser; this module gives its
 * HTML, and the server prints it.
 */
import { renderCsv } from './csv.ts';
import { renderDocx } from './docx.ts';
import { renderIcs } from './ical.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderPrintHtml } from './print-html.ts';
import type { ExportInput } from './types.ts';

/** Formats, by file extension. */
export const ExportFormat = {
  docx: 'docx',
  pdf: 'pdf',
  csv: 'csv',
  md: 'md',
  json: 'json',
  ics: 'ics'
} as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];
export const EXPORT_FORMATS: readonly ExportFormat[] = Object.values(ExportFormat);

/** Media type sent with each format. */
export const EXPORT_CONTENT_TYPE: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8'
};

export const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

/** Formats rendered here in full (PDF needs a browser to print `renderPrintHtml`). */
export type RenderedFormat = Exclude<ExportFormat, 'pdf'>;

/** Renders one format: text for csv, md, json and ics; bytes for docx. */
export const renderExport = async (format: RenderedFormat, input: ExportInput): Promise<string | Uint8Array> => {
  switch (format) {
    case 'docx':
      return renderDocx(input);
    case 'csv':
      return renderCsv(input);
    case 'md':
      return renderMarkdown(input);
    case 'json':
      return renderJson(input);
    case 'ics':
      return renderIcs(input);
  }
};

export { renderPrintHtml };
