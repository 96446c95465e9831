/**
 * What every export renderer takes: the workshop, its boards as JSON snapshots, the moment (and
 * optional version label) they were taken at, and presentation options. Renderers are pure
 * functions of this input: no clock, no I/O.
 */
import type { BoardSnapshot } from '../schema/snapshot-schema.ts';
import type { ConsentScope } from '../control/constants.ts';
import type { ExportLabels } from './labels.ts';

/** A host or participating city: English name, and its name in its own script when known. */
export interface ExportCity {
  en: string;
  native?: string;
  country?: string;
  /** BCP-47 tag of the city's language (used as the `lang` of its native name). */
  lang?: string;
}

/** The workshop the boards belong to (the fields exports print on their title page). */
export interface ExportWorkshop {
  id: string;
  title: string;
  hostCity: ExportCity | null;
  cities: readonly ExportCity[];
  /** `yyyy-mm-dd` or null. */
  startDate: string | null;
  endDate: string | null;
}

/** A city's answer on an agreed action: one vocabulary, the control document's. */
export { ConsentAnswer } from '../control/constants.ts';
import type { ConsentAnswer } from '../control/constants.ts';

/** One city's recorded consent on one action; `note` carries the reservation or the reason. */
export interface ConsentRecord {
  city: string;
  answer: ConsentAnswer;
  note?: string;
}

/** Consent records of a board's actions: action card id → one record per city that answered. */
export type ConsentByAction = Readonly<Record<string, readonly ConsentRecord[]>>;

/** One board to export. */
export interface ExportBoard {
  /** The board's theme as the workshop names it (used when the document has no title yet). */
  theme: string;
  snapshot: BoardSnapshot;
  /** Consent per action. Optional until consent rounds exist; renderers show an empty cell without it. */
  consent?: ConsentByAction;
}

/** Everything a renderer needs. */
export interface ExportInput {
  workshop: ExportWorkshop;
  /** One board, or every board of the workshop (one section per theme), in order. */
  boards: readonly ExportBoard[];
  /** ISO 8601 instant the boards were read at (a saved version's time, or now for live boards). */
  takenAt: string;
  /** Name of the saved version the boards come from; absent for the live boards. */
  versionLabel?: string;
  /** Headings and words of the document; English by default. */
  labels?: ExportLabels;
  /** BCP-47 tag of the document's language (the labels' language); `en` by default. */
  lang?: string;
  /** Whose consent an action needs (the workshop's setting); `involved` by default. */
  consentScope?: ConsentScope;
  /** IANA time zone of the reader: the moment taken is shown in it, and named (`UTC` by default). */
  timeZone?: string;
}
