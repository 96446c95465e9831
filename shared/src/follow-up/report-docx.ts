/**
 * The progress report as Word (.docx), with the `docx` package and the board export's building
 * blocks (export/docx-parts.ts): a title page with the summary by lead city and theme, then per
 * theme each commitment with what was agreed, what was done and what slipped.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, TextRun, WidthType, type ISectionOptions } from 'docx';
import { bullet, cell, DOCX_FONT, para, textRuns } from '../export/docx-parts.ts';
import { PROGRESS_STATUSES } from './constants.ts';
import { reportLabels, type ReportLabels } from './labels.ts';
import type { ProgressReport, ReportEntry, ReportGroup } from './report.ts';

const summary = (L: ReportLabels, title: string, groups: readonly ReportGroup[]): (Paragraph | Table)[] => {
  const width = Math.floor(100 / (PROGRESS_STATUSES.length + 2));
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell([para('')], width, true),
      ...PROGRESS_STATUSES.map((s) => cell([para(L.statuses[s], { bold: true })], width, true)),
      cell([para('Σ', { bold: true })], width, true)
    ]
  });
  const rows = groups.map(
    (g) =>
      new TableRow({
        children: [
          cell([para(g.name)], width),
          ...PROGRESS_STATUSES.map((s) => cell([para(g.counts[s] ? String(g.counts[s]) : '')], width)),
          cell([para(String(g.total))], width)
        ]
      })
  );
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, text: title }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })
  ];
};

const line = (label: string, value: string, lang?: string): Paragraph[] =>
  value ? [new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...textRuns(value, { lang })] })] : [];

const entry = (L: ReportLabels, { progress: p, done, slipped }: ReportEntry): Paragraph[] => {
  const c = p.commitment;
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      children: [
        ...textRuns(c.title, { lang: c.lang }),
        new TextRun({ text: `  ${L.statuses[p.status]}${p.percent !== null ? ` · ${p.percent}%` : ''}`, color: '1D4E89' })
      ]
    }),
    ...line(L.leadCity, c.leadCity),
    ...line(L.partnerCities, c.partnerCities.join(', ')),
    ...line(L.objective, c.objective, c.lang),
    ...line(L.dates, [c.startDate, c.endDate].filter(Boolean).join(' – ')),
    ...line(L.resources, c.resources, c.lang),
    ...line(L.responsibleOfficer, c.responsibleOfficer, c.lang),
    ...line(L.reservations, c.reservations.map((r) => `${r.city}: ${r.note}`).join('; ')),
    ...(p.milestones.length > 0 ? [para(L.milestones, { bold: true })] : []),
    ...p.milestones.map((m) =>
      bullet(
        `${m.dueDate ?? ''}${m.moved ? ` (${L.agreedDate} ${m.milestone.date ?? ''})` : ''} ${m.milestone.text} — ${L.statuses[m.status]}${m.percent !== null ? ` ${m.percent}%` : ''}`,
        c.lang
      )
    ),
    ...(p.indicators.length > 0 ? [para(L.indicators, { bold: true })] : []),
    ...p.indicators.map((i) =>
      bullet(`${i.indicator.indicator} (${L.target}: ${i.indicator.target})${i.value ? `, ${L.reached}: ${i.value}` : ''} — ${L.statuses[i.status]}`, c.lang)
    ),
    ...line(L.whatWasDone, done.length > 0 ? done.map((m) => m.milestone.text).join('; ') : L.nothingDone),
    ...line(
      L.whatSlipped,
      slipped.length > 0
        ? slipped.map((s) => `${s.milestone.milestone.text} (${L.due} ${s.milestone.dueDate ?? ''}${s.overdue ? `, ${L.overdue}` : ''})`).join('; ')
        : L.nothingSlipped
    ),
    para(L.latestUpdates, { bold: true }),
    ...(p.updates.length === 0
      ? [para(L.noUpdates)]
      : p.updates
          .slice(0, 5)
          .map((u) =>
            bullet(
              `${u.at.slice(0, 10)} · ${u.city}${u.status ? ` · ${L.statuses[u.status]}` : ''}${u.percent !== undefined ? ` ${u.percent}%` : ''}${u.note ? `: ${u.note}` : ''}${u.evidence.length ? ` (${u.evidence.join(', ')})` : ''}`,
              u.lang
            )
          ))
  ];
};

export const renderReportDocx = async (report: ProgressReport): Promise<Uint8Array> => {
  const L = reportLabels(report.lang);
  const themes = [...new Set(report.entries.map((x) => x.progress.commitment.theme))];
  const sections: ISectionOptions[] = [
    {
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, text: report.workshop.title }),
        para(`${L.progressReport} — ${L.asOf} ${report.date}`, { bold: true }),
        para(`${report.entries.length} ${L.commitments}`),
        ...summary(L, L.byCity, report.byCity),
        ...summary(L, L.byTheme, report.byTheme)
      ]
    },
    ...themes.map((theme) => ({
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_2, text: theme }),
        ...report.entries.filter((x) => x.progress.commitment.theme === theme).flatMap((x) => entry(L, x))
      ]
    }))
  ];
  const doc = new Document({
    creator: 'Plenary',
    title: `${report.workshop.title} — ${L.progressReport} ${report.date}`,
    styles: { default: { document: { run: { font: DOCX_FONT, size: 20 } } } },
    sections
  });
  return new Uint8Array(await Packer.toBuffer(doc));
};
