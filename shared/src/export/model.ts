/**
 * The one preparation every renderer starts from: text cleaned (see text.ts), boards titled,
 * agreed actions and the annex (ideas and best practices) picked out, labels chosen.
 */
import { Lane } from '../schema/constants.ts';
import type { ActionCard, BoardSnapshot, IdeaCard, PracticeCard } from '../schema/snapshot-schema.ts';
import { EXPORT_LABELS_EN, type ExportLabels } from './labels.ts';
import { cleanLine, cleanText } from './text.ts';
import type { ConsentByAction, ExportCity, ExportInput, ExportWorkshop } from './types.ts';

/** A board ready to render. */
export interface PreparedBoard {
  boardId: string;
  /** The board's title, else its theme. */
  title: string;
  snapshot: BoardSnapshot;
  /** Actions in the agreed lane, in display order. */
  agreed: ActionCard[];
  /** Ideas and best practices (any lane), in display order. */
  annex: Array<IdeaCard | PracticeCard>;
  consent: ConsentByAction;
}

/** An export ready to render. */
export interface PreparedExport {
  workshop: ExportWorkshop;
  boards: PreparedBoard[];
  takenAt: string;
  versionLabel: string | null;
  labels: ExportLabels;
  lang: string;
}

/** Every string inside a JSON value passed through `cleanText`. */
const cleanDeep = <T>(value: T): T => {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v)])) as T;
  return value;
};

const cleanCity = (city: ExportCity): ExportCity => cleanDeep({ ...city, en: cleanLine(city.en) });

/** Cleans and organises an export's input once, for every format. */
export const prepareExport = (input: ExportInput): PreparedExport => ({
  workshop: {
    ...input.workshop,
    title: cleanLine(input.workshop.title),
    hostCity: input.workshop.hostCity ? cleanCity(input.workshop.hostCity) : null,
    cities: input.workshop.cities.map(cleanCity)
  },
  boards: input.boards.map((board) => {
    const snapshot = cleanDeep(board.snapshot);
    const title = cleanLine(snapshot.board.title) || cleanLine(board.theme);
    return {
      boardId: snapshot.board.boardId,
      title,
      snapshot,
      agreed: snapshot.cards.filter((c): c is ActionCard => c.kind === 'action' && c.lane === Lane.agreed),
      annex: snapshot.cards.filter((c): c is IdeaCard | PracticeCard => c.kind !== 'action'),
      consent: cleanDeep(board.consent ?? {})
    };
  }),
  takenAt: input.takenAt,
  versionLabel: input.versionLabel ? cleanLine(input.versionLabel) : null,
  labels: input.labels ?? EXPORT_LABELS_EN,
  lang: input.lang ?? 'en'
});
