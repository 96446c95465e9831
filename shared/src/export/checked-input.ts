/**
 * Checking an export's boards against the snapshot schema before any renderer sees them. A board
 * document can be written by any client, so a card may hold what no form would let through (an id
 * with a line break, a date such as `2026-13-45`). One bad value must not break the whole
 * workshop's export, nor reach a file format as markup: a field that cannot be a date is left
 * empty, a card that still fails the schema is left out, and each is reported as an
 * `ExportProblem` that the export carries (JSON `warnings`, iCalendar `X-PLENARY-WARNING`, the
 * `X-Export-Warnings` response header).
 */
import { Limits } from '../schema/constants.ts';
import { isIsoDate } from '../schema/dates.ts';
import { boardMetaSchema, cardSnapshotSchema, type BoardMeta, type CardSnapshot } from '../schema/snapshot-schema.ts';
import { formatPath } from '../schema/input-checks.ts';
import type { ExportBoard, ExportInput } from './types.ts';

/** Kinds of problem an export reports instead of failing. */
export const ExportProblemCode = {
  /** A date that is not a real `yyyy-mm-dd` day; exported as empty. */
  invalidDate: 'invalid-date',
  /** A card that does not fit the snapshot schema even without its dates; left out. */
  invalidCard: 'invalid-card',
  /** A second card with an id already seen; left out. */
  duplicateCard: 'duplicate-card',
  /** A board-level field outside the schema; exported empty. */
  invalidBoard: 'invalid-board',
  /** More cards than the snapshot format allows; all are exported. */
  tooManyCards: 'too-many-cards'
} as const;
export type ExportProblemCode = (typeof ExportProblemCode)[keyof typeof ExportProblemCode];

/** One thing the export left empty or out, with where it was. */
export interface ExportProblem {
  code: ExportProblemCode;
  boardId: string;
  /** The card's id as written (shown through `printable`), when the problem is a card's. */
  cardId?: string;
  /** Field path inside the card or board, e.g. `milestones[1].date`. */
  path: string;
  message: string;
}

const MAX_SHOWN = 64;

/**
 * A value safe to print in any format's plain text: control characters, line and paragraph
 * separators become U+FFFD and the text is cut to 64 characters. Problems quote ids and values an
 * attacker wrote, so they pass through this before they are written anywhere.
 */
export const printable = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN)}…` : clean;
};

/** One problem as one line of text, e.g. for an iCalendar warning. */
export const describeProblem = (p: ExportProblem): string =>
  `${p.code}: board ${printable(p.boardId)}${p.cardId !== undefined ? `, card ${printable(p.cardId)}` : ''}${p.path ? `, ${p.path}` : ''}: ${p.message}`;

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const badDate = (v: unknown): boolean => v !== null && v !== undefined && !(typeof v === 'string' && isIsoDate(v));

/** Dates that are not real days set to null; each one reported. */
const clearBadDates = (card: Raw, report: (path: string, value: unknown) => void): Raw => {
  const out: Raw = { ...card };
  for (const key of ['startDate', 'endDate']) {
    if (badDate(out[key])) {
      report(key, out[key]);
      out[key] = null;
    }
  }
  if (Array.isArray(out.milestones)) {
    out.milestones = out.milestones.map((m: unknown, i) => {
      if (!isRecord(m) || !badDate(m.date)) return m;
      report(`milestones[${i}].date`, m.date);
      return { ...m, date: null };
    });
  }
  return out;
};

const checkMeta = (meta: BoardMeta, boardId: string, problems: ExportProblem[]): BoardMeta => {
  const result = boardMetaSchema.safeParse(meta);
  if (result.success) return result.data;
  const out = { ...meta } as Raw;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    problems.push({ code: ExportProblemCode.invalidBoard, boardId, path: formatPath(issue.path), message: issue.message });
    if (key === 'createdAt') out.createdAt = new Date(0).toISOString();
    else if (key === 'locked') out.locked = false;
    else if (key) out[key] = '';
  }
  return out as unknown as BoardMeta;
};

const checkBoard = (board: ExportBoard, problems: ExportProblem[]): ExportBoard => {
  const { snapshot } = board;
  const boardId = typeof snapshot.board?.boardId === 'string' ? snapshot.board.boardId : '';
  const meta = checkMeta(snapshot.board, boardId, problems);
  const seen = new Set<string>();
  const cards: CardSnapshot[] = [];
  for (const raw of snapshot.cards as unknown[]) {
    const card = isRecord(raw) ? raw : {};
    const cardId = typeof card.id === 'string' ? card.id : printable(card.id);
    const dated: ExportProblem[] = [];
    const repaired = clearBadDates(card, (path, value) =>
      dated.push({ code: ExportProblemCode.invalidDate, boardId, cardId, path, message: `"${printable(value)}" is not a yyyy-mm-dd day; left empty` })
    );
    const result = cardSnapshotSchema.safeParse(repaired);
    if (!result.success) {
      const where = result.error.issues
        .slice(0, 3)
        .map((i) => `${formatPath(i.path) || '(card)'}: ${i.message}`)
        .join('; ');
      problems.push({ code: ExportProblemCode.invalidCard, boardId, cardId, path: '', message: `left out: ${where}` });
      continue;
    }
    if (seen.has(result.data.id)) {
      problems.push({ code: ExportProblemCode.duplicateCard, boardId, cardId, path: 'id', message: 'a second card with this id; left out' });
      continue;
    }
    seen.add(result.data.id);
    problems.push(...dated);
    // The card as written (minus bad dates): it passed the schema, and keeps its key order.
    cards.push(repaired as unknown as CardSnapshot);
  }
  if (cards.length > Limits.maxCards) {
    problems.push({
      code: ExportProblemCode.tooManyCards,
      boardId,
      path: 'cards',
      message: `${cards.length} cards, more than the ${Limits.maxCards} the format allows; all exported`
    });
  }
  return { ...board, snapshot: { ...snapshot, board: meta, cards } };
};

/**
 * The input with every board checked against the snapshot schema, and the problems found. Valid
 * boards come back equal to what went in (unknown keys dropped, as the schema does).
 */
export const checkExportInput = (input: ExportInput): { input: ExportInput; problems: ExportProblem[] } => {
  const problems: ExportProblem[] = [];
  const boards = input.boards.map((board) => checkBoard(board, problems));
  return { input: { ...input, boards }, problems };
};
