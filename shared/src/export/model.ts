/**
 * The one preparation every renderer starts from: text cleaned (see text.ts), boards titled,
 * agreed actions and the annex (ideas and best practices) picked out, each action's consent
 * verdict and shown status decided (the rule of control/verdict.ts), labels and date formats chosen.
 */
import { DEFAULT_CONSENT_SCOPE, type ConsentScope } from '../control/constants.ts';
import { shownStatus, type ShownStatus } from '../control/verdict-status.ts';
import { consentVerdict, type ConsentVerdict } from '../control/verdict.ts';
import { Lane } from '../schema/constants.ts';
import type { ActionCard, BoardSnapshot, IdeaCard, PracticeCard } from '../schema/snapshot-schema.ts';
import { exportDates, type ExportDates } from './dates.ts';
import { EXPORT_LABELS_EN, type ExportLabels } from './labels.ts';
import { cleanLine, cleanText } from './text.ts';
import type { ConsentByAction, ConsentRecord, ExportCity, ExportInput, ExportWorkshop } from './types.ts';

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
  /** Every action's consent verdict, by card id. */
  verdicts: Readonly<Record<string, ConsentVerdict>>;
  /** Every action's shown status (lane + stored status + verdict), by card id. */
  statuses: Readonly<Record<string, ShownStatus>>;
}

/** An export ready to render. */
export interface PreparedExport {
  workshop: ExportWorkshop;
  boards: PreparedBoard[];
  takenAt: string;
  versionLabel: string | null;
  labels: ExportLabels;
  lang: string;
  consentScope: ConsentScope;
  /** Days and the moment taken, in the document's language and the reader's zone. */
  dates: ExportDates;
}

/** English names of the workshop's cities, host city first: who is asked under the workshop scope. */
export const workshopCityNames = (w: ExportWorkshop): string[] => {
  const list = w.cities.map((c) => c.en);
  return w.hostCity && !list.includes(w.hostCity.en) ? [w.hostCity.en, ...list] : list;
};

/** The verdict on one action from its exported consent records. */
export const exportVerdict = (action: ActionCard, records: readonly ConsentRecord[], scope: ConsentScope, cities: readonly string[]): ConsentVerdict =>
  consentVerdict(
    action,
    records.map((r) => ({ city: r.city, answer: r.answer, ...(r.note ? { note: r.note } : {}) })),
    scope,
    cities
  );

/** Every string inside a JSON value passed through `cleanText`. */
const cleanDeep = <T>(value: T): T => {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v)])) as T;
  return value;
};

const cleanCity = (city: ExportCity): ExportCity => cleanDeep({ ...city, en: cleanLine(city.en) });

/** Cleans and organises an export's input once, for every format. */
export const prepareExport = (input: ExportInput): PreparedExport => {
  const workshop: ExportWorkshop = {
    ...input.workshop,
    title: cleanLine(input.workshop.title),
    hostCity: input.workshop.hostCity ? cleanCity(input.workshop.hostCity) : null,
    cities: input.workshop.cities.map(cleanCity)
  };
  const consentScope = input.consentScope ?? DEFAULT_CONSENT_SCOPE;
  const cities = workshopCityNames(workshop);
  return {
    workshop,
    boards: input.boards.map((board) => {
      const snapshot = cleanDeep(board.snapshot);
      const title = cleanLine(snapshot.board.title) || cleanLine(board.theme);
      const consent = cleanDeep(board.consent ?? {});
      const actions = snapshot.cards.filter((c): c is ActionCard => c.kind === 'action');
      const verdicts = Object.fromEntries(actions.map((a) => [a.id, exportVerdict(a, consent[a.id] ?? [], consentScope, cities)]));
      return {
        boardId: snapshot.board.boardId,
        title,
        snapshot,
        agreed: actions.filter((c) => c.lane === Lane.agreed),
        annex: snapshot.cards.filter((c): c is IdeaCard | PracticeCard => c.kind !== 'action'),
        consent,
        verdicts,
        statuses: Object.fromEntries(actions.map((a) => [a.id, shownStatus(a.lane, a.status, verdicts[a.id]!)]))
      };
    }),
    takenAt: input.takenAt,
    versionLabel: input.versionLabel ? cleanLine(input.versionLabel) : null,
    labels: input.labels ?? EXPORT_LABELS_EN,
    lang: input.lang ?? 'en',
    consentScope,
    dates: exportDates(input.lang ?? 'en', input.timeZone)
  };
};
