/**
 * The follow-up's records as plain JSON: commitments (frozen copies of agreed actions) and
 * progress updates (append-only). Stored by the server, read by the outcomes page, the calendar
 * feed and the progress report.
 */
import type { CityNote } from '../control/verdict.ts';
import type { FollowUpRole, FrozenBy, ProgressItem, ProgressStatus, UpdateKind } from './constants.ts';

/** A milestone as agreed: its date and text never change after the freeze. */
export interface CommitmentMilestone {
  id: string;
  date: string | null;
  text: string;
}

export interface CommitmentIndicator {
  id: string;
  indicator: string;
  target: string;
}

/**
 * An agreed action, frozen when the facilitator closed the workshop or marked it final. Its text
 * is the agreed text: later edits to the board do not reach it.
 */
export interface Commitment {
  /** `<boardId>.<actionId>` (a dot never occurs in either id). */
  id: string;
  boardId: string;
  actionId: string;
  /** The board's theme key (`environment`…) and its title as shown on the board. */
  themeKey: string;
  theme: string;
  title: string;
  objective: string;
  leadCity: string;
  partnerCities: string[];
  startDate: string | null;
  endDate: string | null;
  milestones: CommitmentMilestone[];
  indicators: CommitmentIndicator[];
  /** Resources and budget, as agreed. */
  resources: string;
  responsibleOfficer: string;
  /** Language the action was written in. */
  lang: string;
  /** Cities that endorsed, and reservations that travel with the agreement. */
  endorsed: string[];
  reservations: CityNote[];
  frozenAt: string;
  frozenBy: FrozenBy;
}

/** One dated update: never changed, never removed (until the workshop is deleted). */
export interface ProgressUpdate {
  id: string;
  commitmentId: string;
  /** ISO instant the server recorded it. */
  at: string;
  /** The city whose link sent it (English name, the workshop's spelling). */
  city: string;
  kind: UpdateKind;
  item: ProgressItem;
  /** The milestone or indicator id; absent for the commitment as a whole. */
  itemId?: string;
  status?: ProgressStatus;
  /** 0-100. */
  percent?: number;
  /** A milestone's new expected date (the agreed date stays in the commitment). */
  dueDate?: string;
  /** An indicator's value reached so far, free text. */
  value?: string;
  note: string;
  /** BCP-47 tag of the note's language. */
  lang: string;
  evidence: string[];
}

/** What the outcomes page reads: everything public about the follow-up, nothing about votes or people. */
export interface OutcomesView {
  workshop: {
    id: string;
    title: string;
    hostCity: { en: string; native?: string; lang?: string } | null;
    cities: { en: string; native?: string; lang?: string }[];
    startDate: string | null;
    endDate: string | null;
  };
  closedAt: string | null;
  commitments: Commitment[];
  updates: ProgressUpdate[];
  /** Who is reading: a follow-up role (with its city) or a meeting role. */
  viewer: { role: FollowUpRole | 'facilitator' | 'delegate' | 'observer'; city?: string };
}
