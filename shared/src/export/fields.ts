/**
 * Field values as words, the same in every format: dates, cities, lists, consent and its verdict,
 * the shown status, the "taken at" line.
 */
import { VerdictState, type CityNote, type ConsentVerdict } from '../control/verdict.ts';
import type { ActionCard, CardSnapshot, Indicator, Milestone } from '../schema/snapshot-schema.ts';
import type { ExportLabels } from './labels.ts';
import type { PreparedBoard, PreparedExport } from './model.ts';
import type { ConsentRecord, ExportCity } from './types.ts';

/** `2025-05-01 14:03 UTC`: unambiguous for readers in every time zone. */
export const formatInstant = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** `2025-01-01 – 2025-06-30`, one end alone, or '' when neither is set. */
export const formatDateRange = (start: string | null, end: string | null): string =>
  start && end ? `${start} – ${end}` : (start ?? end ?? '');

/** `Bangkok (กรุงเทพมหานคร)`: the English name, and the native one when it differs. */
export const formatCity = (city: ExportCity): string =>
  city.native && city.native !== city.en ? `${city.en} (${city.native})` : city.en;

export const formatMilestone = (m: Milestone): string => (m.date ? `${m.date}: ${m.text}` : m.text);

export const formatIndicator = (i: Indicator, labels: ExportLabels): string =>
  i.target ? `${i.indicator} (${labels.target}: ${i.target})` : i.indicator;

export const formatConsent = (r: ConsentRecord, labels: ExportLabels): string =>
  `${r.city}: ${labels.consentAnswers[r.answer]}${r.note ? ` – ${r.note}` : ''}`;

/** The status an action shows (derived from lane, stored status and verdict; see verdict-status.ts). */
export const formatStatus = (board: PreparedBoard, action: ActionCard, labels: ExportLabels): string =>
  labels.statuses[board.statuses[action.id] ?? action.status];

const fill = (template: string, cities: readonly string[]): string =>
  template.replace('{count}', String(cities.length)).replace('{cities}', cities.join(', '));

/** `agreed by every city asked`, `awaiting answers (2): Porto, Kobe`, `objected by Kobe`, `no lead city: …`. */
export const formatVerdict = (v: ConsentVerdict, labels: ExportLabels): string => {
  switch (v.state) {
    case VerdictState.agreed:
      return labels.verdicts.agreed;
    case VerdictState.awaiting:
      return fill(labels.verdicts.awaiting, v.missing);
    case VerdictState.objected:
      return fill(labels.verdicts.objected, v.objections.map((o) => o.city));
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

/** `Taken at 2025-05-01 14:03 UTC · Version: Day 2 close` (or `… · live board`). */
export const takenLine = (p: PreparedExport): string =>
  `${p.labels.takenAt} ${formatInstant(p.takenAt)} · ${p.versionLabel ? `${p.labels.version}: ${p.versionLabel}` : p.labels.liveBoard}`;

/** `2018-03-12 – 2018-03-16`, for the title page. */
export const workshopDates = (p: PreparedExport): string => formatDateRange(p.workshop.startDate, p.workshop.endDate);
