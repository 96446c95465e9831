/**
 * Names and limits of a workshop's control document (`ctl_<workshopId>`): the facilitator's
 * state — banner, timers, agenda, locks, follow-me, voting rounds and consent — that every screen
 * reads live and only the server writes.
 */

/** The control document's name (`ctl_<workshopId>`) and its inverse, defined with the sync protocol. */
export { CONTROL_DOC_PREFIX, controlDocName, workshopOfControlDoc } from '../protocol/tokens.ts';

/** Names of the root `Y.Map`s of a control document. */
export const ControlRoot = {
  meta: 'meta',
  banner: 'banner',
  timers: 'timers',
  agenda: 'agenda',
  locks: 'locks',
  follow: 'follow',
  rounds: 'rounds',
  consent: 'consent'
} as const;
export type ControlRoot = (typeof ControlRoot)[keyof typeof ControlRoot];

/** Fixed keys inside the root maps. */
export const ControlKey = {
  /** `banner` key of the message shown on every board. */
  bannerAll: 'all',
  /** `timers` key of the workshop-wide timer. */
  workshopTimer: 'workshop',
  /** `agenda` key of the session list. */
  sessions: 'sessions',
  /** `follow` key of what the facilitator is showing. */
  followCurrent: 'current',
  /** `meta` key of the link generations per role. */
  generations: 'generations',
  /** `meta` key of the workshop id. */
  workshopId: 'workshopId',
  /** `meta` key of whose consent an action needs (`ConsentScope`; `involved` when absent). */
  consentScope: 'consentScope'
} as const;

export const TimerState = {
  running: 'running',
  paused: 'paused',
  stopped: 'stopped'
} as const;
export type TimerState = (typeof TimerState)[keyof typeof TimerState];

/** What the facilitator does to a timer (`POST /api/workshops/:id/timers`). */
export const TimerAction = {
  start: 'start',
  pause: 'pause',
  resume: 'resume',
  add: 'add',
  reset: 'reset'
} as const;
export type TimerAction = (typeof TimerAction)[keyof typeof TimerAction];

export const RoundStatus = {
  open: 'open',
  closed: 'closed',
  revealed: 'revealed'
} as const;
export type RoundStatus = (typeof RoundStatus)[keyof typeof RoundStatus];

/** A city's answer on an agreed action. */
export const ConsentAnswer = {
  endorse: 'endorse',
  reservation: 'reservation',
  object: 'object'
} as const;
export type ConsentAnswer = (typeof ConsentAnswer)[keyof typeof ConsentAnswer];
export const CONSENT_ANSWERS: readonly ConsentAnswer[] = Object.values(ConsentAnswer);

/**
 * Whose consent an action needs (set by a facilitator for the whole workshop): the cities it
 * involves — its lead and partner cities — or every city of the workshop.
 */
export const ConsentScope = {
  involved: 'involved',
  workshop: 'workshop'
} as const;
export type ConsentScope = (typeof ConsentScope)[keyof typeof ConsentScope];
export const CONSENT_SCOPES: readonly ConsentScope[] = Object.values(ConsentScope);
/** The scope of a workshop whose facilitator has not chosen one. */
export const DEFAULT_CONSENT_SCOPE: ConsentScope = ConsentScope.involved;

/** Limits the server enforces on facilitation input. */
export const ControlLimits = {
  bannerText: 500,
  participantName: 80,
  votesPerDelegateMin: 1,
  votesPerDelegateMax: 20,
  /** Longest timer: a full day. */
  timerMaxMs: 24 * 60 * 60 * 1000,
  agendaSessions: 100,
  sessionTitle: 200,
  consentNote: 2000
} as const;

/** Decimal places kept in weighted tallies (one city, one voice gives thirds, sevenths, …). */
export const TALLY_DECIMALS = 3;
