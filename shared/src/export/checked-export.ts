/**
 * One export from raw boards to a file: the boards are checked against the snapshot schema
 * (checked-input.ts), put in the chosen language, then rendered. What the check left empty or out
 * travels with the file: a `warnings` list in JSON, `X-PLENARY-WARNING` lines in iCalendar, and
 * the `problems` beside the body for the caller (the server counts them in `X-Export-Warnings`).
 * PDF stops at the print page and its header and footer, which a browser prints.
 */
import { checkExportInput, describeProblem, type ExportProblem } from './checked-input.ts';
import { renderExport, type ExportFormat } from './formats.ts';
import { renderIcs } from './ical.ts';
import { exportDocument } from './json.ts';
import { localiseExport, type ExportLanguage } from './language.ts';
import { renderPrintHtml } from './print-html.ts';
import { printTemplates } from './print-templates.ts';
import type { ExportInput } from './types.ts';

/** What a browser needs to print the PDF. */
export interface PrintJob {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
}

/** A file format, or `print`: the print page for the browser's own Print → Save as PDF. */
export type CheckedFormat = ExportFormat | 'print';

export type CheckedBody = { kind: 'file'; body: string | Uint8Array } | { kind: 'print'; job: PrintJob } | { kind: 'html'; html: string };

/** The rendered export and what was left empty or out of it. */
export interface CheckedExport {
  result: CheckedBody;
  problems: ExportProblem[];
}

/** The JSON export with the problems found listed under `warnings` (empty when there were none). */
export const renderJsonWithWarnings = (input: ExportInput, problems: readonly ExportProblem[]): string =>
  `${JSON.stringify({ ...exportDocument(input), warnings: problems }, null, 2)}\n`;

/** Checks, localises and renders one export. */
export const renderCheckedExport = async (format: CheckedFormat, raw: ExportInput, language: ExportLanguage): Promise<CheckedExport> => {
  const { input: checked, problems } = checkExportInput(raw);
  const input = localiseExport(checked, language);
  const done = (result: CheckedBody): CheckedExport => ({ result, problems });
  switch (format) {
    case 'print':
      return done({ kind: 'html', html: renderPrintHtml(input, { marginBoxes: true }) });
    case 'pdf':
      return done({ kind: 'print', job: { html: renderPrintHtml(input, { marginBoxes: false }), ...printTemplates(input) } });
    case 'json':
      return done({ kind: 'file', body: renderJsonWithWarnings(input, problems) });
    case 'ics':
      return done({ kind: 'file', body: renderIcs(input, problems.map(describeProblem)) });
    default:
      return done({ kind: 'file', body: await renderExport(format, input) });
  }
};
