/** Field values as words, the same in every format: dates, cities, lists, consent, the "taken at" line. */
import type { ActionCard, Indicator, Milestone } from '../schema/snapshot-schema.ts';
import type { ExportLabels } from './labels.ts';
import type { PreparedExport } from './model.ts';
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

export const formatStatus = (action: ActionCard, labels: ExportLabels): string => labels.statuses[action.status];

/** `Taken at 2025-05-01 14:03 UTC · Version: Day 2 close` (or `… · live board`). */
export const takenLine = (p: PreparedExport): string =>
  `${p.labels.takenAt} ${formatInstant(p.takenAt)} · ${p.versionLabel ? `${p.labels.version}: ${p.versionLabel}` : p.labels.liveBoard}`;

/** `2018-03-12 – 2018-03-16`, for the title page. */
export const workshopDates = (p: PreparedExport): string => formatDateRange(p.workshop.startDate, p.workshop.endDate);
