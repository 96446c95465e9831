/**
 * What to fix before exporting: agreed actions that are not yet a commitment anyone can follow up
 * — a lead city, dates or indicators missing — or that the cities asked have not agreed to (the
 * consent verdict of control/verdict.ts: awaiting answers, objected, or without a lead city).
 */
import { VerdictState, type ConsentVerdict } from '../control/verdict.ts';
import { Lane } from '../schema/constants.ts';
import type { ActionCard, BoardSnapshot } from '../schema/snapshot-schema.ts';

/** A part of an agreed action that is missing. */
export const ExportGap = {
  leadCity: 'lead-city',
  dates: 'dates',
  indicators: 'indicators',
  /** The cities asked have not all agreed (see the warning's `verdict`). */
  consent: 'consent'
} as const;
export type ExportGap = (typeof ExportGap)[keyof typeof ExportGap];

/** One agreed action with what it lacks. */
export interface ExportWarning {
  cardId: string;
  title: string;
  missing: ExportGap[];
  /** The action's consent verdict, when it is not agreed. */
  verdict?: ConsentVerdict;
}

const gapsOf = (action: ActionCard): ExportGap[] => {
  const gaps: ExportGap[] = [];
  if (!action.leadCity?.trim()) gaps.push(ExportGap.leadCity);
  // An end date or a dated milestone gives a follow-up date; a start alone does not.
  if (!action.endDate && !action.milestones.some((m) => m.date)) gaps.push(ExportGap.dates);
  if (!action.indicators.some((i) => i.indicator.trim())) gaps.push(ExportGap.indicators);
  return gaps;
};

/**
 * Agreed actions missing a lead city, dates (an end date or a dated milestone) or indicators, and,
 * when `verdictOf` is given, those whose verdict is not `agreed`; in display order. Empty when the
 * agreed plan is complete.
 */
export const exportWarnings = (snapshot: BoardSnapshot, verdictOf?: (action: ActionCard) => ConsentVerdict): ExportWarning[] =>
  snapshot.cards.flatMap((card) => {
    if (card.kind !== 'action' || card.lane !== Lane.agreed) return [];
    const missing = gapsOf(card);
    const verdict = verdictOf?.(card);
    const notAgreed = verdict && verdict.state !== VerdictState.agreed ? verdict : undefined;
    if (notAgreed) missing.push(ExportGap.consent);
    return missing.length > 0 ? [{ cardId: card.id, title: card.title, missing, ...(notAgreed ? { verdict: notAgreed } : {}) }] : [];
  });
