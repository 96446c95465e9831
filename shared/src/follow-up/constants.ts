/**
 * Names and limits of the follow-up after a workshop (docs/FOLLOW-UP.md): the statuses a lead city
 * reports, the roles of follow-up links and the caps every writer respects.
 */

/** Where a milestone, an indicator or a whole commitment stands, as its lead city reports it. */
export const ProgressStatus = {
  notStarted: 'not-started',
  onTrack: 'on-track',
  delayed: 'delayed',
  done: 'done',
  dropped: 'dropped'
} as const;
export type ProgressStatus = (typeof ProgressStatus)[keyof typeof ProgressStatus];
export const PROGRESS_STATUSES: readonly ProgressStatus[] = Object.values(ProgressStatus);

/**
 * Roles of follow-up links. They are signed like the workshop's links but are not meeting roles:
 * the meeting's token check refuses them (boards, sync, facilitation), and the follow-up's check
 * refuses meeting roles where a follow-up link is needed.
 */
export const FollowUpRole = {
  /** One city's long-lived link: reports on the commitments it leads, notes on the others. */
  city: 'city',
  /** Read-only outcomes link that may be published: no votes, no tokens, nothing about the participants. */
  outcomes: 'outcomes'
} as const;
export type FollowUpRole = (typeof FollowUpRole)[keyof typeof FollowUpRole];
export const FOLLOW_UP_ROLES: readonly FollowUpRole[] = Object.values(FollowUpRole);

/** What an update is about: one milestone, one indicator, or the commitment as a whole. */
export const ProgressItem = {
  commitment: 'commitment',
  milestone: 'milestone',
  indicator: 'indicator'
} as const;
export type ProgressItem = (typeof ProgressItem)[keyof typeof ProgressItem];
export const PROGRESS_ITEMS: readonly ProgressItem[] = Object.values(ProgressItem);

/** What an update is: a lead city's progress report, or a note any city may add. */
export const UpdateKind = {
  progress: 'progress',
  note: 'note'
} as const;
export type UpdateKind = (typeof UpdateKind)[keyof typeof UpdateKind];

/** How a commitment came to be frozen. */
export const FrozenBy = {
  /** The facilitator closed the workshop: every agreed action was frozen. */
  close: 'close',
  /** The facilitator marked this agreed action final before the close. */
  final: 'final'
} as const;
export type FrozenBy = (typeof FrozenBy)[keyof typeof FrozenBy];

export const FollowUpLimits = {
  /** Characters of a note. */
  noteLength: 4_000,
  /** Evidence links on one update, and characters of one link. */
  evidenceLinks: 10,
  evidenceLength: 2_000,
  /** Free-text value reached for an indicator ("12 schools"). */
  valueLength: 200,
  /** Updates kept per workshop (every update is kept: this bounds what one workshop may hold). */
  updatesPerWorkshop: 20_000,
  /** Link lifetime: follow-up runs for the years after the seminar. */
  linkTtlDays: 3 * 366
} as const;
