/**
 * The progress report's formats (docx, pdf, csv, json) from the shared renderers
 * (shared/src/follow-up/report*.ts), in the shape the export service finishes: a file, or for PDF
 * the print page and its header and footer for the export service's Chromium.
 */
import type { CheckedExport } from '@plenary/shared/export';
import {
  renderReportCsv,
  renderReportDocx,
  renderReportHtml,
  renderReportJson,
  reportPrintTemplates,
  type ProgressReport
} from '@plenary/shared/follow-up/render';

export const REPORT_FORMATS = ['docx', 'pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const isReportFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value);

export const renderReport = async (format: ReportFormat, report: ProgressReport): Promise<CheckedExport> => {
  const file = (body: string | Uint8Array): CheckedExport => ({ result: { kind: 'file', body }, problems: [] });
  switch (format) {
    case 'csv':
      return file(renderReportCsv(report));
    case 'json':
      return file(renderReportJson(report));
    case 'docx':
      return file(await renderReportDocx(report));
    case 'pdf':
      return { result: { kind: 'print', job: { html: renderReportHtml(report, { marginBoxes: false }), ...reportPrintTemplates(report) } }, problems: [] };
  }
};
