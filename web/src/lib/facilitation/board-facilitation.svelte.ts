/**
 * What a board page shows and does of facilitation, shared by the components mounted on it
 * (banner, timer, lock, voting, consent, follow-me) through Svelte context. Created by the board
 * page with `provideBoardFacilitation()`; opens the workshop's control document for as long as
 * the page is open.
 *
 * Public API
 *   const f = provideBoardFacilitation(boardId)   (in the board page; null outside a workshop)
 *   const f = getBoardFacilitation()              (in components on the board; may be null)
 *   f.control / f.api / f.boardId / f.role / f.isFacilitator
 *   f.locked            the board is locked                                    (reactive)
 *   f.lockedForMe       locked and this person is not a facilitator: read-only (reactive)
 *   f.banner / f.timer  what the board shows                                   (reactive)
 *   f.votesFor(round)   this person's votes in an open round (loaded once per round)
 *   f.following         a delegate chose to follow the facilitator            ($state)
 *   f.leading           the facilitator shares their focus ("Follow me")       ($state)
 *   f.cities            English names of the workshop's cities (for consent)
 */
import { getContext, onDestroy, setContext } from 'svelte';
import { Role } from '@plenary/shared/protocol';
import { RoundStatus, type Round } from '@plenary/shared/control';
import { getWorkshopSession, type WorkshopSession } from '$lib/session';
import { facilitationApi, type FacilitationApi } from '$lib/api';
import { Control } from './control.svelte.ts';
import { RoundVotes } from './my-votes.svelte.ts';
import { serverClock } from './server-clock.svelte.ts';

const CONTEXT = Symbol('plenary.board-facilitation');
const FOLLOW_KEY = 'plenary.follow-facilitator';

export class BoardFacilitation {
  readonly session: WorkshopSession;
  readonly boardId: string;
  readonly control: Control;
  following = $state(false);
  leading = $state(false);
  #votes = new Map<string, RoundVotes>();

  constructor(session: WorkshopSession, boardId: string, token: string) {
    this.session = session;
    this.boardId = boardId;
    this.control = new Control(session.workshopId, token);
    serverClock.start();
    try {
      this.following = localStorage.getItem(FOLLOW_KEY) === '1';
    } catch {
      // No storage: following starts off.
    }
  }

  get api(): FacilitationApi {
    return facilitationApi(this.session.workshopId, this.session.token ?? '');
  }
  get role(): Role | null {
    return this.session.role;
  }
  get isFacilitator(): boolean {
    return this.session.role === Role.facilitator;
  }
  /** Observers never vote or answer; others once a facilitator confirmed the city they speak for. */
  get canParticipate(): boolean {
    return this.session.role !== Role.observer && this.session.role !== null && this.session.mayVote;
  }
  get locked(): boolean {
    return this.control.locked(this.boardId);
  }
  get lockedForMe(): boolean {
    return this.locked && !this.isFacilitator;
  }
  get banner() {
    return this.control.bannerFor(this.boardId);
  }
  get timer() {
    return this.control.timerFor(this.boardId);
  }
  get cities(): string[] {
    const w = this.session.workshop;
    const list = (w?.cities ?? []).map((c) => c.en);
    if (w?.hostCity && !list.includes(w.hostCity.en)) list.unshift(w.hostCity.en);
    return list;
  }

  /** This person's votes in an open round; fetched from the server the first time it is asked. */
  votesFor(round: Round): RoundVotes | null {
    if (round.status !== RoundStatus.open || !this.canParticipate) return null;
    let votes = this.#votes.get(round.id);
    if (!votes) {
      votes = new RoundVotes(this.api, round.id);
      this.#votes.set(round.id, votes);
      // Asked from inside a $derived: start the request after it, not during it.
      const created = votes;
      queueMicrotask(() => void created.load());
    }
    return votes;
  }

  setFollowing(on: boolean): void {
    this.following = on;
    try {
      localStorage.setItem(FOLLOW_KEY, on ? '1' : '0');
    } catch {
      // Only for this page then.
    }
  }

  destroy(): void {
    if (this.leading) void this.api.stopFollow().catch(() => undefined);
    this.control.destroy();
  }
}

/** Creates the board's facilitation state and shares it with the components below. */
export const provideBoardFacilitation = (boardId: string): BoardFacilitation | null => {
  let session: WorkshopSession;
  try {
    session = getWorkshopSession();
  } catch {
    return null;
  }
  if (!session.token) return null;
  const facilitation = new BoardFacilitation(session, boardId, session.token);
  setContext(CONTEXT, facilitation);
  onDestroy(() => facilitation.destroy());
  return facilitation;
};

export const getBoardFacilitation = (): BoardFacilitation | null => getContext<BoardFacilitation | undefined>(CONTEXT) ?? null;
