/**
 * Word (.docx) with the `docx` package: a title page (workshop, host city, dates, participating
 * cities, the moment taken), one landscape section per theme with a table of its agreed actions,
 * and the annex of ideas and best practices. Every page has the running header and "page N of M".
 * The package escapes text for XML; `prepareExport` has already removed characters XML forbids.
 */
import {
  AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, Table, TableRow,
  TextRun, WidthType, type ISectionOptions
} from 'docx';
import type { ActionCard } from '../schema/snapshot-schema.ts';
import { bullet, cell, DOCX_FONT, para, runLanguage, textRuns } from './docx-parts.ts';
import { formatCity, formatConsent, formatDateRange, formatIndicator, formatMilestone, formatStatus, takenLine, verdictParts, workshopDates } from './fields.ts';
import { prepareExport, type PreparedBoard, type PreparedExport } from './model.ts';
import { runningHeader } from './print-html.ts';
import type { ExportInput } from './types.ts';

/** Column widths of the action table, in percent; they add up to 100. */
const COLUMN_PCT = { action: 18, lead: 8, partners: 9, timeline: 13, indicators: 13, resources: 9, officer: 8, status: 7, consent: 15 } as const;

const frame = (p: PreparedExport): Pick<ISectionOptions, 'headers' | 'footers'> => ({
  headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: runningHeader(p), size: 16, color: '555555' })] })] }) },
  footers: {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new TextRun({ size: 16, color: '555555', children: [`${p.labels.page} `, PageNumber.CURRENT, ` ${p.labels.of} `, PageNumber.TOTAL_PAGES] })]
        })
      ]
    })
  }
});

const titleSection = (p: PreparedExport): ISectionOptions => {
  const { labels: l, workshop: w } = p;
  const line = (label: string, value: string) => (value ? [new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...textRuns(value)] })] : []);
  return {
    ...frame(p),
    children: [
      new Paragraph({ text: l.actionPlan, spacing: { before: 2400 } }),
      new Paragraph({ text: w.title, heading: HeadingLevel.TITLE }),
      ...line(l.hostCity, w.hostCity ? formatCity(w.hostCity) : ''),
      ...line(l.dates, workshopDates(p)),
      ...line(l.participatingCities, w.cities.map(formatCity).join(', ')),
      ...line(l.theme, p.boards.map((b) => b.title).join(', ')),
      new Paragraph({ children: [new TextRun({ text: takenLine(p), italics: true, color: '444444' })], spacing: { before: 400 } })
    ]
  };
};

const actionRow = (p: PreparedExport, board: PreparedBoard, a: ActionCard, index: number): TableRow => {
  const l = p.labels;
  const lang = a.lang;
  const timeline = [formatDateRange(a.startDate, a.endDate)].filter(Boolean).map((t) => para(t));
  return new TableRow({
    children: [
      cell([para(`${index + 1}. ${a.title}`, { lang, bold: true }), ...(a.objective ? [para(a.objective, { lang })] : [])], COLUMN_PCT.action),
      cell(a.leadCity ? [para(a.leadCity)] : [], COLUMN_PCT.lead),
      cell(a.partnerCities.map((c) => para(c)), COLUMN_PCT.partners),
      cell([...timeline, ...a.milestones.map((m) => bullet(formatMilestone(m), lang))], COLUMN_PCT.timeline),
      cell(a.indicators.map((i) => bullet(formatIndicator(i, l), lang)), COLUMN_PCT.indicators),
      cell(a.resources ? [para(a.resources, { lang })] : [], COLUMN_PCT.resources),
      cell(a.responsibleOfficer ? [para(a.responsibleOfficer, { lang })] : [], COLUMN_PCT.officer),
      cell([para(formatStatus(board, a, l))], COLUMN_PCT.status),
      cell(
        [
          // The verdict first (objections, reservations, cities not answered), then every recorded answer.
          ...verdictParts(board, a, l).flatMap((part) =>
            part.list ? [para(`${part.label}:`, { bold: true }), ...part.items.map((item) => bullet(item))] : [para(`${part.label}: ${part.items.join(', ')}`, { bold: part.label === l.agreement })]
          ),
          ...(board.consent[a.id] ?? []).map((r) => para(formatConsent(r, l)))
        ],
        COLUMN_PCT.consent
      )
    ]
  });
};

const themeSection = (p: PreparedExport, board: PreparedBoard): ISectionOptions => {
  const l = p.labels;
  const head = (text: string, pct: number) => cell([para(text, { bold: true })], pct, true);
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          head(`${l.action} / ${l.objective}`, COLUMN_PCT.action), head(l.leadCity, COLUMN_PCT.lead), head(l.partnerCities, COLUMN_PCT.partners),
          head(`${l.timeline} / ${l.milestones}`, COLUMN_PCT.timeline), head(l.indicators, COLUMN_PCT.indicators), head(l.resources, COLUMN_PCT.resources),
          head(l.responsibleOfficer, COLUMN_PCT.officer), head(l.status, COLUMN_PCT.status), head(l.consent, COLUMN_PCT.consent)
        ]
      }),
      ...board.agreed.map((a, i) => actionRow(p, board, a, i))
    ]
  });
  return {
    ...frame(p),
    properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
    children: [
      new Paragraph({ text: board.title, heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: l.agreedActions, heading: HeadingLevel.HEADING_2 }),
      board.agreed.length > 0 ? table : para(l.noAgreedActions)
    ]
  };
};

const annexSection = (p: PreparedExport): ISectionOptions => {
  const l = p.labels;
  return {
    ...frame(p),
    children: [
      new Paragraph({ text: l.annex, heading: HeadingLevel.HEADING_1 }),
      ...p.boards.flatMap((board) => [
        new Paragraph({ text: board.title, heading: HeadingLevel.HEADING_2 }),
        ...(board.annex.length === 0
          ? [para(l.noIdeas)]
          : board.annex.map((card) => {
              const origin = card.kind === 'practice' && card.sourceCity ? card.sourceCity : card.authorCity;
              return new Paragraph({
                bullet: { level: 0 },
                children: [
                  new TextRun({ text: `${card.kind === 'practice' ? l.practice : l.idea}${origin ? ` (${origin})` : ''}: `, bold: true }),
                  ...textRuns(card.text, { lang: card.lang })
                ]
              });
            }))
      ])
    ]
  };
};

/** The boards as a Word document (bytes of a .docx file). */
export const renderDocx = async (input: ExportInput): Promise<Uint8Array> => {
  const p = prepareExport(input);
  const doc = new Document({
    title: p.workshop.title,
    description: takenLine(p),
    creator: 'Plenary',
    styles: { default: { document: { run: { font: DOCX_FONT, size: 20, language: runLanguage(p.lang) } } } },
    sections: [titleSection(p), ...p.boards.map((b) => themeSection(p, b)), annexSection(p)]
  });
  return Packer.pack(doc, 'uint8array');
};
