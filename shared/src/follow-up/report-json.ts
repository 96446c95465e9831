/** The progress report as JSON: the model itself, flattened for tools (format name and version first). */
import type { ProgressReport } from './report.ts';

export const REPORT_FORMAT = 'plenary-progress-report';
export const REPORT_VERSION = 1;

export const renderReportJson = (report: ProgressReport): string =>
  `${JSON.stringify(
    {
      format: REPORT_FORMAT,
      version: REPORT_VERSION,
      workshop: report.workshop,
      asOf: report.date,
      totals: report.totals,
      byCity: report.byCity,
      byTheme: report.byTheme,
      commitments: report.entries.map(({ progress: p, done, slipped }) => ({
        ...p.commitment,
        status: p.status,
        percent: p.percent,
        milestones: p.milestones.map((m) => ({ ...m.milestone, dueDate: m.dueDate, status: m.status, percent: m.percent })),
        indicators: p.indicators.map((i) => ({ ...i.indicator, status: i.status, percent: i.percent, value: i.value })),
        done: done.map((m) => m.milestone.id),
        slipped: slipped.map((s) => ({ milestone: s.milestone.milestone.id, dueDate: s.milestone.dueDate, overdue: s.overdue })),
        updates: p.updates
      }))
    },
    null,
    2
  )}\n`;
