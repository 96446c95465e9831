/**
 * The follow-up's renderers, for the server: the calendar feed and the progress report in every
 * format. Pure functions of commitments and updates (no I/O, no clock).
 */
export * from './labels.ts';
export { renderFollowUpCalendar, type CalendarInput } from './calendar.ts';
export { buildProgressReport, reportFileName, type ProgressReport, type ReportEntry, type ReportGroup, type ReportInput } from './report.ts';
export { renderReportCsv, REPORT_CSV_COLUMNS } from './report-csv.ts';
export { renderReportJson, REPORT_FORMAT, REPORT_VERSION } from './report-json.ts';
export { renderReportHtml, reportPrintTemplates } from './report-html.ts';
export { renderReportDocx } from './report-docx.ts';
