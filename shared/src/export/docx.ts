/**
 * Word (.docx) with the `docx` package: a title page (workshop, host city, dates, participating
 * cities, the moment taken, the themes without agreed actions on one line), one landscape section
 * per theme with a table of its agreed actions, and the annex of ideas and best practices. Every
 * page has the running header and "page N of M". Text is set in fonts office PCs have, per script,
 * with Noto as their fallback (docx-fonts.ts). The package escapes text for XML; `prepareExport`
 * has already removed characters XML forbids.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions
} from 'docx';
import type { ActionCard } from '../schema/snapshot-schema.ts';
import { defaultRunFonts, fontTableXml } from './docx-fonts.ts';
import { cell, docxText, type DocxText } from './docx-parts.ts';
import {
  boardsWithActions,
  emptyThemesLine,
  formatCity,
  formatConsent,
  formatIndicator,
  formatMilestone,
  formatStatus,
  formatTimeline,
  takenLine,
  verdictParts,
  workshopDates
} from './fields.ts';
import { prepareExport, type PreparedBoard, type PreparedExport } from './model.ts';
import { runningHeader } from './print-html.ts';
import type { ExportInput } from './types.ts';

/** Column widths of the action table, in percent; they add up to 100. */
const COLUMN_PCT = { action: 18, lead: 8, partners: 9, timeline: 13, indicators: 13, resources: 9, officer: 8, status: 7, consent: 15 } as const;

const GREY = { size: 16, color: '555555' } as const;

const frame = (p: PreparedExport, t: DocxText): Pick<ISectionOptions, 'headers' | 'footers'> => {
  const pageLine = `${p.labels.page} 1 ${p.labels.of} 1`;
  return {
    headers: { default: new Header({ children: [new Paragraph({ children: t.runs(runningHeader(p), GREY) })] }) },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({
                ...GREY,
                ...t.runOptions(pageLine),
                children: [`${p.labels.page} `, PageNumber.CURRENT, ` ${p.labels.of} `, PageNumber.TOTAL_PAGES]
              })
            ]
          })
        ]
      })
    }
  };
};

const titleSection = (p: PreparedExport, t: DocxText): ISectionOptions => {
  const { labels: l, workshop: w } = p;
  const line = (label: string, value: string) => (value ? [new Paragraph({ children: [...t.runs(`${label}: `, { bold: true }), ...t.runs(value)] })] : []);
  const empty = emptyThemesLine(p);
  return {
    ...frame(p, t),
    children: [
      t.para(l.actionPlan, { paragraph: { spacing: { before: 2400 } } }),
      t.para(w.title, { paragraph: { heading: HeadingLevel.TITLE } }),
      ...line(l.hostCity, w.hostCity ? formatCity(w.hostCity) : ''),
      ...line(l.dates, workshopDates(p)),
      ...line(l.participatingCities, w.cities.map(formatCity).join(', ')),
      ...line(l.theme, p.boards.map((b) => b.title).join(', ')),
      ...(empty ? [t.para(empty, { paragraph: { spacing: { before: 200 } } })] : []),
      t.para(takenLine(p), { italics: true, color: '444444', paragraph: { spacing: { before: 400 } } })
    ]
  };
};

const actionRow = (p: PreparedExport, t: DocxText, board: PreparedBoard, a: ActionCard, index: number): TableRow => {
  const l = p.labels;
  const lang = a.lang;
  const timeline = [formatTimeline(p, a)].filter(Boolean).map((text) => t.para(text));
  return new TableRow({
    children: [
      cell([t.para(`${index + 1}. ${a.title}`, { lang, bold: true }), ...(a.objective ? [t.para(a.objective, { lang })] : [])], COLUMN_PCT.action),
      cell(a.leadCity ? [t.para(a.leadCity)] : [], COLUMN_PCT.lead),
      cell(
        a.partnerCities.map((c) => t.para(c)),
        COLUMN_PCT.partners
      ),
      cell([...timeline, ...a.milestones.map((m) => t.bullet(formatMilestone(m, p.dates.day), lang))], COLUMN_PCT.timeline),
      cell(
        a.indicators.map((i) => t.bullet(formatIndicator(i, l), lang)),
        COLUMN_PCT.indicators
      ),
      cell(a.resources ? [t.para(a.resources, { lang })] : [], COLUMN_PCT.resources),
      cell(a.responsibleOfficer ? [t.para(a.responsibleOfficer, { lang })] : [], COLUMN_PCT.officer),
      cell([t.para(formatStatus(board, a, l))], COLUMN_PCT.status),
      cell(
        [
          // The verdict first (objections, reservations, cities not answered), then every recorded answer.
          ...verdictParts(board, a, l).flatMap((part) =>
            part.list
              ? [t.para(`${part.label}:`, { bold: true }), ...part.items.map((item) => t.bullet(item))]
              : [t.para(`${part.label}: ${part.items.join(', ')}`, { bold: part.label === l.agreement })]
          ),
          ...(board.consent[a.id] ?? []).map((r) => t.para(formatConsent(r, l)))
        ],
        COLUMN_PCT.consent
      )
    ]
  });
};

const themeSection = (p: PreparedExport, t: DocxText, board: PreparedBoard): ISectionOptions => {
  const l = p.labels;
  const head = (text: string, pct: number) => cell([t.para(text, { bold: true })], pct, true);
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          head(`${l.action} / ${l.objective}`, COLUMN_PCT.action),
          head(l.leadCity, COLUMN_PCT.lead),
          head(l.partnerCities, COLUMN_PCT.partners),
          head(`${l.timeline} / ${l.milestones}`, COLUMN_PCT.timeline),
          head(l.indicators, COLUMN_PCT.indicators),
          head(l.resources, COLUMN_PCT.resources),
          head(l.responsibleOfficer, COLUMN_PCT.officer),
          head(l.status, COLUMN_PCT.status),
          head(l.consent, COLUMN_PCT.consent)
        ]
      }),
      ...board.agreed.map((a, i) => actionRow(p, t, board, a, i))
    ]
  });
  return {
    ...frame(p, t),
    properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
    children: [
      t.para(board.title, { paragraph: { heading: HeadingLevel.HEADING_1 } }),
      t.para(l.agreedActions, { paragraph: { heading: HeadingLevel.HEADING_2 } }),
      table
    ]
  };
};

const annexSection = (p: PreparedExport, t: DocxText): ISectionOptions => {
  const l = p.labels;
  return {
    ...frame(p, t),
    children: [
      t.para(l.annex, { paragraph: { heading: HeadingLevel.HEADING_1 } }),
      ...p.boards.flatMap((board) => [
        t.para(board.title, { paragraph: { heading: HeadingLevel.HEADING_2 } }),
        ...(board.annex.length === 0
          ? [t.para(l.noIdeas)]
          : board.annex.map((card) => {
              const origin = card.kind === 'practice' && card.sourceCity ? card.sourceCity : card.authorCity;
              return new Paragraph({
                bullet: { level: 0 },
                children: [
                  ...t.runs(`${card.kind === 'practice' ? l.practice : l.idea}${origin ? ` (${origin})` : ''}: `, { bold: true }),
                  ...t.runs(card.text, { lang: card.lang })
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
  const t = docxText(p.lang);
  const doc = new Document({
    title: p.workshop.title,
    description: takenLine(p),
    creator: 'Plenary',
    styles: { default: { document: { run: { ...defaultRunFonts(p.lang), size: 20 } } } },
    sections: [titleSection(p, t), ...boardsWithActions(p).map((b) => themeSection(p, t, b)), annexSection(p, t)]
  });
  // The font table names each font's fallbacks (Noto last), which the package does not write.
  return Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
};
