/**
 * The follow-up after a workshop (docs/FOLLOW-UP.md): commitments frozen from agreed actions,
 * progress updates from each city's follow-up link, and what the outcomes page, the calendar feed
 * and the progress report derive from them. Pure: no I/O, no clock.
 */
export * from './constants.ts';
export * from './types.ts';
export * from './schemas.ts';
export * from './progress.ts';
export * from './labels.ts';
export { renderFollowUpCalendar, type CalendarInput } from './calendar.ts';
export { buildProgressReport, reportFileName, type ProgressReport, type ReportEntry, type ReportGroup, type ReportInput } from './report.ts';
export { renderReportCsv, REPORT_CSV_COLUMNS } from './report-csv.ts';
export { renderReportJson, REPORT_FORMAT, REPORT_VERSION } from './report-json.ts';
export { renderReportHtml, reportPrintTemplates } from './report-html.ts';
export { renderReportDocx } from './report-docx.ts';
export type { FollowUpClaims } from './tokens.ts';
