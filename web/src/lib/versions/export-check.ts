/**
 * What the Export menu lists to fix before a plan leaves Plenary (shared/export/warnings.ts): the
 * agreed actions of one board, or of every board for the joint plan (each named with its theme),
 * that miss a lead city, dates or indicators, or that the cities asked have not agreed to.
 */
import { DEFAULT_CONSENT_SCOPE, verdictFromRecords, type ConsentScope } from '@plenary/shared/control';
import { exportWarnings, type ExportWarning } from '@plenary/shared/export/warnings';
import type { BoardSnapshot } from '@plenary/shared/schema';

/** The consent answers a page knows (the workshop's control document), for the verdicts. */
export interface ConsentSource {
  consent: Parameters<typeof verdictFromRecords>[2];
  scope?: ConsentScope;
  /** English names of the workshop's cities, host first. */
  cities: readonly string[];
}

/** A warning, with the theme of its board in the joint plan. */
export type PlanWarning = ExportWarning & { theme?: string };

/**
 * One board's warnings. With a consent source each action's verdict is checked too (an empty one
 * means no answer is known, so none counts as agreed); without one, verdicts are not checked.
 */
export const boardWarnings = (boardId: string, snapshot: BoardSnapshot, consent?: ConsentSource): ExportWarning[] =>
  exportWarnings(
    snapshot,
    consent ? (action) => verdictFromRecords(action, boardId, consent.consent, consent.scope ?? DEFAULT_CONSENT_SCOPE, consent.cities) : undefined
  );

/** Every board's warnings, in the workshop's order, each with its theme. */
export const jointWarnings = (boards: ReadonlyArray<{ boardId: string; theme: string; snapshot: BoardSnapshot }>, consent?: ConsentSource): PlanWarning[] =>
  boards.flatMap(({ boardId, theme, snapshot }) => boardWarnings(boardId, snapshot, consent).map((w) => ({ ...w, theme })));
