/**
 * The progress report as CSV: one row per commitment, milestone and indicator, with the status as
 * of the report's date and the latest update. Quoting and formula neutralising are the board
 * export's (export/csv.ts): a spreadsheet never runs a note as a formula.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../export/csv.ts';
import type { ProgressReport } from './report.ts';
import type { ProgressUpdate } from './types.ts';

export const REPORT_CSV_COLUMNS = [
  'asOf',
  'theme',
  'commitmentId',
  'commitment',
  'leadCity',
  'partnerCities',
  'item',
  'itemId',
  'text',
  'agreedDate',
  'dueDate',
  'target',
  'status',
  'percent',
  'value',
  'overdue',
  'latestAt',
  'latestCity',
  'latestNote',
  'latestLang',
  'evidence'
] as const;
type Column = (typeof REPORT_CSV_COLUMNS)[number];

const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

const latestCells = (u: ProgressUpdate | null | undefined) => ({
  latestAt: u?.at ?? '',
  latestCity: u?.city ?? '',
  latestNote: u?.note ?? '',
  latestLang: u?.lang ?? '',
  evidence: u?.evidence.join('\n') ?? ''
});

export const renderReportCsv = (report: ProgressReport): string => {
  const rows: Record<Column, string>[] = [];
  for (const { progress: p } of report.entries) {
    const c = p.commitment;
    const base = {
      asOf: report.date,
      theme: c.theme,
      commitmentId: c.id,
      commitment: c.title,
      leadCity: c.leadCity,
      partnerCities: c.partnerCities.join('; ')
    };
    const empty = Object.fromEntries(REPORT_CSV_COLUMNS.map((k) => [k, ''])) as Record<Column, string>;
    rows.push({
      ...empty,
      ...base,
      item: 'commitment',
      text: c.objective,
      agreedDate: c.endDate ?? '',
      dueDate: c.endDate ?? '',
      status: p.status,
      percent: p.percent === null ? '' : String(p.percent),
      ...latestCells(p.updates[0])
    });
    for (const m of p.milestones) {
      rows.push({
        ...empty,
        ...base,
        item: 'milestone',
        itemId: m.milestone.id,
        text: m.milestone.text,
        agreedDate: m.milestone.date ?? '',
        dueDate: m.dueDate ?? '',
        status: m.status,
        percent: m.percent === null ? '' : String(m.percent),
        overdue: m.dueDate !== null && m.dueDate < report.date && m.status !== 'done' && m.status !== 'dropped' ? 'yes' : '',
        ...latestCells(m.latest)
      });
    }
    for (const i of p.indicators) {
      rows.push({
        ...empty,
        ...base,
        item: 'indicator',
        itemId: i.indicator.id,
        text: i.indicator.indicator,
        target: i.indicator.target,
        status: i.status,
        percent: i.percent === null ? '' : String(i.percent),
        value: i.value ?? '',
        ...latestCells(i.latest)
      });
    }
  }
  return stringify(
    rows.map((row) => REPORT_CSV_COLUMNS.map((k) => neutraliseCell(row[k]))),
    { bom: true, header: true, columns: [...REPORT_CSV_COLUMNS], record_delimiter: 'windows', quoted_match: LINE_BREAK }
  );
};
