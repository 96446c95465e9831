/**
 * CSV: one row per card of every board (all lanes), UTF-8 with a byte-order mark so spreadsheet
 * programs read Thai and CJK text correctly. Quoting is csv-stringify's, told to also quote every
 * cell holding a line break of any kind: it quotes only the record delimiter (CR LF) by itself, and a
 * bare LF, U+2028 or U+0085 inside an unquoted cell splits the row for strict readers (Python's csv,
 * Excel, `splitlines`). A cell a spreadsheet would run as a formula is prefixed with `'`.
 */
import { stringify } from 'csv-stringify/sync';
import type { CardSnapshot } from '../schema/snapshot-schema.ts';
import { formatConsent, formatIndicator, formatMilestone, formatVerdict, verdictCells } from './fields.ts';
import { prepareExport, type PreparedBoard, type PreparedExport } from './model.ts';
import type { ExportInput } from './types.ts';

/**
 * Column keys, in order; stable across versions so sheets built on them keep working (new columns
 * are added at the end). `lane`, `kind`, `status` and `verdict` hold codes for machines; the
 * `…Label` columns say the same in the document's language for people.
 */
export const CSV_COLUMNS = [
  'theme',
  'lane',
  'kind',
  'id',
  'title',
  'text',
  'objective',
  'leadCity',
  'partnerCities',
  'startDate',
  'endDate',
  'milestones',
  'indicators',
  'resources',
  'responsibleOfficer',
  'status',
  'consent',
  'sourceCity',
  'authorCity',
  'createdBy',
  'createdAt',
  'lang',
  'takenAt',
  'version',
  'verdict',
  'objections',
  'reservations',
  'notAnswered',
  'laneLabel',
  'kindLabel',
  'statusLabel',
  'verdictLabel'
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Every line break a reader may split on: LF, CR, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

/**
 * A formula start: `= + - @` or their full-width forms `＝ ＋ － ＠` (spreadsheets in CJK locales
 * read those as operators), also after leading blanks, line breaks or invisible characters, which
 * spreadsheets skip; and any cell starting with a tab or carriage return.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u0085\u200b-\u200d\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** A cell a spreadsheet will show as text: formula-like starts get a leading apostrophe. */
export const neutraliseCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

const rowOf = (p: PreparedExport, board: PreparedBoard, card: CardSnapshot): Record<Column, string> => {
  const l = p.labels;
  const verdict = card.kind === 'action' ? board.verdicts[card.id] : undefined;
  const common = {
    laneLabel: l.lanes[card.lane],
    kindLabel: card.kind === 'action' ? l.action : card.kind === 'practice' ? l.practice : l.idea,
    statusLabel: card.kind === 'action' ? l.statuses[board.statuses[card.id] ?? card.status] : '',
    verdictLabel: verdict ? formatVerdict(verdict, l) : '',
    theme: board.title,
    lane: card.lane,
    kind: card.kind,
    id: card.id,
    authorCity: card.authorCity,
    createdBy: card.createdBy,
    createdAt: card.createdAt,
    lang: card.lang,
    takenAt: p.takenAt,
    version: p.versionLabel ?? ''
  };
  const empty = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
  if (card.kind !== 'action') {
    return { ...empty, ...common, text: card.text, sourceCity: card.kind === 'practice' ? card.sourceCity : '' };
  }
  return {
    ...empty,
    ...common,
    title: card.title,
    objective: card.objective,
    leadCity: card.leadCity ?? '',
    partnerCities: card.partnerCities.join('; '),
    startDate: card.startDate ?? '',
    endDate: card.endDate ?? '',
    milestones: card.milestones.map((m) => formatMilestone(m)).join('\n'),
    indicators: card.indicators.map((i) => formatIndicator(i, p.labels)).join('\n'),
    resources: card.resources,
    responsibleOfficer: card.responsibleOfficer,
    consent: (board.consent[card.id] ?? []).map((r) => formatConsent(r, p.labels)).join('\n'),
    // The shown status and the consent verdict (fields.ts), so the sheet never says agreed alone.
    ...verdictCells(board, card)
  };
};

/** The boards as CSV text, starting with a byte-order mark. */
export const renderCsv = (input: ExportInput): string => {
  const p = prepareExport(input);
  const rows = p.boards.flatMap((board) => board.snapshot.cards.map((card) => rowOf(p, board, card)));
  return stringify(
    rows.map((row) => CSV_COLUMNS.map((c) => neutraliseCell(row[c]))),
    { bom: true, header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: LINE_BREAK }
  );
};
