/** Plain values stored in the control document's maps (all JSON; only the server writes them). */
import type { Role } from '../protocol/tokens.ts';
import type { Lane } from '../schema/constants.ts';
import type { ConsentAnswer, ConsentScope, RoundStatus, TimerState } from './constants.ts';

/** A message shown on every board (`banner.all`) or on one board (`banner.<boardId>`). */
export interface Banner {
  text: string;
  /** ISO time it was set. */
  at: string;
  /** Who set it (a name, or "facilitator"). */
  by: string;
}

/**
 * A countdown. Times are server epoch milliseconds; a client shows `endsAt - (Date.now() + offset)`
 * where `offset` is its estimate of server time minus its own (see `GET /api/time`).
 */
export interface Timer {
  state: TimerState;
  /** Total length, including time added. */
  durationMs: number;
  /** When it reaches zero (only while running). */
  endsAt?: number;
  /** Time left (only while paused or stopped). */
  remainingMs?: number;
  /** Play a sound at zero. */
  sound: boolean;
  updatedAt: number;
}

/** One session of the workshop's agenda. */
export interface AgendaSession {
  id: string;
  /** 1-based day of the workshop. */
  day: number;
  /** yyyy-mm-dd, when known. */
  date?: string;
  /** 'HH:MM' */
  start: string;
  /** 'HH:MM', after `start`. */
  end: string;
  title: string;
  /** Boards active in this session. */
  boardIds: string[];
}

/** What the facilitator is showing: a board, and optionally a lane or a card on it. */
export interface Follow {
  boardId: string;
  lane?: Lane;
  cardId?: string;
  /** ISO time. */
  at: string;
}

/** A dot-voting round on one lane of one board. Individual votes are never here. */
export interface Round {
  id: string;
  boardId: string;
  lane: Lane;
  votesPerDelegate: number;
  oneCityOneVoice: boolean;
  status: RoundStatus;
  openedAt: string;
  closedAt?: string;
  revealedAt?: string;
  /** How many people have at least one vote in the round (a count only). */
  voters?: number;
  /** Card id → (weighted) votes, once revealed. Cards without votes are absent. */
  tallies?: Record<string, number>;
}

/** One city's answer on one agreed action. */
export interface ConsentRecord {
  boardId: string;
  actionId: string;
  /** The city's English name. */
  city: string;
  answer: ConsentAnswer;
  /** The reservation or the reason for objecting (required for those answers). */
  note?: string;
  /** Name of the person who answered. */
  by: string;
  /** The participant who answered (so removing them withdraws exactly their answers). */
  participantId?: string;
  /** ISO time. */
  at: string;
}

/** The whole control document as plain values (`readControl`). */
export interface ControlSnapshot {
  workshopId: string;
  generations: Record<Role, number>;
  /** Key `all` and/or board ids. */
  banners: Record<string, Banner>;
  /** Key `workshop` and/or board ids. */
  timers: Record<string, Timer>;
  sessions: AgendaSession[];
  /** Board id → true for locked boards. */
  locks: Record<string, true>;
  follow: Follow | null;
  rounds: Record<string, Round>;
  /** Key `<boardId>/<actionId>/<city>`. */
  consent: Record<string, ConsentRecord>;
  /** Whose consent an action needs (see verdict.ts). */
  consentScope: ConsentScope;
}
