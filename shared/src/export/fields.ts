/**
 * Field values as words, the same in every format: dates, cities, lists, consent and its verdict,
 * the shown status, the "taken at" line.
 */
import { VerdictState, type CityNote, type ConsentVerdict } from '../control/verdict.ts';
import type { ActionCard, CardSnapshot, Indicator, Milestone } from '../schema/snapshot-schema.ts';
import type { ExportLabels } from './labels.ts';
import type { PreparedBoard, PreparedExport } from './model.ts';
import type { ConsentRecord, ExportCity } from './types.ts';

/** An action's start and end as one span in the document's language, or '' when neither is set. */
export const formatTimeline = (p: PreparedExport, action: ActionCard): string => p.dates.range(action.startDate, action.endDate);

/** `Bangkok (กรุงเทพมหานคร)`: the English name, and the native one when it differs. */
export const formatCity = (city: ExportCity): string => (city.native && city.native !== city.en ? `${city.en} (${city.native})` : city.en);

/** `30 Jun 2026: first milestone`; `day` writes the date (ISO as stored unless a document's format is given). */
export const formatMilestone = (m: Milestone, day: (iso: string) => string = (iso) => iso): string => (m.date ? `${day(m.date)}: ${m.text}` : m.text);

export const formatIndicator = (i: Indicator, labels: ExportLabels): string => (i.target ? `${i.indicator} (${labels.target}: ${i.target})` : i.indicator);

export const formatConsent = (r: ConsentRecord, labels: ExportLabels): string => `${r.city}: ${labels.consentAnswers[r.answer]}${r.note ? ` – ${r.note}` : ''}`;

/** The status an action shows (derived from lane, stored status and verdict; see verdict-status.ts). */
export const formatStatus = (board: PreparedBoard, action: ActionCard, labels: ExportLabels): string =>
  labels.statuses[board.statuses[action.id] ?? action.status];

const fill = (template: string, cities: readonly string[]): string => template.replace('{count}', String(cities.length)).replace('{cities}', cities.join(', '));

/** `agreed by every city asked`, `awaiting answers (2): Porto, Kobe`, `objected by Kobe`, `no lead city: …`. */
export const formatVerdict = (v: ConsentVerdict, labels: ExportLabels): string => {
  switch (v.state) {
    case VerdictState.agreed:
      return labels.verdicts.agreed;
    case VerdictState.awaiting:
      return fill(labels.verdicts.awaiting, v.missing);
    case VerdictState.objected:
      return fill(
        labels.verdicts.objected,
        v.objections.map((o) => o.city)
      );
    case VerdictState.noLead:
      return labels.verdicts['no-lead'];
  }
};

/** `Kobe: Too costly` (the city alone when it left no note). */
export const formatCityNote = (n: CityNote): string => (n.note ? `${n.city}: ${n.note}` : n.city);

/** What every format prints of an action's verdict: a label and one value or a list, empty parts left out. */
export interface VerdictPart {
  label: string;
  items: string[];
  /** Print the items as a list (objections, reservations) rather than on one line. */
  list: boolean;
}

/** The verdict, then objections with their reasons, reservations with their notes, the cities that did not answer. */
export const verdictParts = (board: PreparedBoard, action: ActionCard, labels: ExportLabels): VerdictPart[] => {
  const v = board.verdicts[action.id];
  if (!v) return [];
  return [
    { label: labels.agreement, items: [formatVerdict(v, labels)], list: false },
    { label: labels.objections, items: v.objections.map(formatCityNote), list: true },
    { label: labels.reservations, items: v.reservations.map(formatCityNote), list: true },
    { label: labels.notAnswered, items: v.missing, list: false }
  ].filter((part) => part.items.length > 0);
};

/** CSV cells of the verdict (machine-readable state, notes one per line); empty for ideas and practices. */
export const verdictCells = (board: PreparedBoard, card: CardSnapshot) => {
  const v = card.kind === 'action' ? board.verdicts[card.id] : undefined;
  return {
    status: card.kind === 'action' ? (board.statuses[card.id] ?? card.status) : '',
    verdict: v?.state ?? '',
    objections: v ? v.objections.map(formatCityNote).join('\n') : '',
    reservations: v ? v.reservations.map(formatCityNote).join('\n') : '',
    notAnswered: v ? v.missing.join('; ') : ''
  };
};

/** `Taken at 16 Mar 2026, 16:30 (Asia/Bangkok) · Version: Day 2 close` (or `… · live board`): the reader's zone, named. */
export const takenLine = (p: PreparedExport): string =>
  `${p.labels.takenAt} ${p.dates.instant(p.takenAt)} · ${p.versionLabel ? `${p.labels.version}: ${p.versionLabel}` : p.labels.liveBoard}`;

/** `12–16 Mar 2018` in the document's language, for the title page. */
export const workshopDates = (p: PreparedExport): string => p.dates.range(p.workshop.startDate, p.workshop.endDate);

/**
 * `No agreed actions yet: Culture · Mobility`: the themes without agreed actions on one line (a
 * page or section each would say nothing), or '' when every theme has some. The separator is not a
 * comma, which theme names hold.
 */
export const emptyThemesLine = (p: PreparedExport): string => {
  const empty = p.boards.filter((b) => b.agreed.length === 0).map((b) => b.title);
  return empty.length === 0 ? '' : p.labels.noAgreedActionsIn.replace('{themes}', empty.join(' · '));
};

/** The boards that have agreed actions: each gets its own page or section. */
export const boardsWithActions = (p: PreparedExport): PreparedBoard[] => p.boards.filter((b) => b.agreed.length > 0);
