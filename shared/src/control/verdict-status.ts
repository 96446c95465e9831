/**
 * The status an action shows, derived from its lane, its stored `status` and its consent verdict,
 * so the three can never contradict each other (docs/SCHEMA.md, "Status"). The stored field is
 * kept for the stages that follow agreement (in progress, done) and for drafts and dropped
 * actions; "agreed" is never taken from it: only the consent verdict in the agreed lane says so.
 */
import { ActionStatus, Lane } from '../schema/constants.ts';
import { VerdictState, type ConsentVerdict } from './verdict.ts';

/** What an action shows as its status: a stored status, or one of two consent states. */
export const ShownStatus = {
  ...ActionStatus,
  /** In the agreed lane, not yet agreed by every city asked (or without a lead city). */
  awaitingConsent: 'awaiting-consent',
  /** In the agreed lane, and a city asked objects. */
  objected: 'objected'
} as const;
export type ShownStatus = (typeof ShownStatus)[keyof typeof ShownStatus];

const AFTER_AGREEMENT: readonly string[] = [ActionStatus.inProgress, ActionStatus.done];
const BEFORE_AGREEMENT: readonly string[] = [ActionStatus.draft, ActionStatus.proposed, ActionStatus.dropped];

/** The status an action shows: see the module comment. `verdict` matters only in the agreed lane. */
export const shownStatus = (lane: Lane, stored: ActionStatus, verdict: ConsentVerdict): ShownStatus => {
  if (lane === Lane.agreed) {
    if (verdict.state === VerdictState.agreed) return AFTER_AGREEMENT.includes(stored) ? stored : ShownStatus.agreed;
    return verdict.state === VerdictState.objected ? ShownStatus.objected : ShownStatus.awaitingConsent;
  }
  // Outside the agreed lane an action is not agreed, whatever was stored.
  return BEFORE_AGREEMENT.includes(stored) ? stored : ShownStatus.proposed;
};
