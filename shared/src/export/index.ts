/**
 * Exports of boards and workshops: pure renderers from (workshop, board snapshots, moment taken,
 * options) to Word, CSV, Markdown, JSON, iCalendar and a print-ready HTML page (printed to PDF by a
 * browser). No I/O and no clock: the caller says when the boards were taken.
 */
export * from './types.ts';
export * from './labels.ts';
export * from './text.ts';
export * from './warnings.ts';
export * from './formats.ts';
export { prepareExport, type PreparedBoard, type PreparedExport } from './model.ts';
export { renderCsv, neutraliseCell, CSV_COLUMNS } from './csv.ts';
export { renderMarkdown, escapeMarkdown } from './markdown.ts';
export { renderJson, exportDocument, exportDocumentSchema, EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from './json.ts';
export { renderIcs, eventUid, ICS_WARNING } from './ical.ts';
export { renderDocx } from './docx.ts';
export { renderPrintHtml, type PrintOptions } from './print-html.ts';
export { printTemplates } from './print-templates.ts';
export { exportFileName } from './file-name.ts';
export { canonicalTimeZone, exportDates, DEFAULT_TIME_ZONE, type ExportDates } from './dates.ts';
export { EXPORT_LABELS, EXPORT_LANGS, exportLabels } from './labels-by-lang.ts';
export { localiseExport, ExportMode, EXPORT_MODES, isExportMode, WORKING_LANG, type ExportLanguage } from './language.ts';
export { checkExportInput, describeProblem, printable, ExportProblemCode, type ExportProblem } from './checked-input.ts';
export {
  renderCheckedExport,
  renderJsonWithWarnings,
  type CheckedBody,
  type CheckedExport,
  type CheckedFormat,
  type PrintJob
} from './checked-export.ts';
