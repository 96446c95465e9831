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
 *   f.following         a delegate chose to follow the facilitator: they are taken to the
 *                       board the facilitator shows (kept on this device)        ($state)
 *   f.leading           the facilitator shares their focus ("Follow me"); kept for this tab, so
 *                       opening another board takes everyone along               ($state)
 *   f.followedBoard     the board the facilitator brings everyone to, when it is not this one
 *   f.setLeading(on) / f.bringEveryoneHere()
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
import { whenIdle } from '$lib/app/idle.ts';

const CONTEXT = Symbol('plenary.board-facilitation');
const FOLLOW_KEY = 'plenary.follow-facilitator';
/** Per tab: the facilitator leads from whichever board this tab opens next. */
const leadKey = (workshopId: string) => `plenary.leading.${workshopId}`;

const readStorage = (storage: () => Storage, key: string): string | null => {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
};
const writeStorage = (storage: () => Storage, key: string, value: string): void => {
  try {
    storage().setItem(key, value);
  } catch {
    // No storage (private mode): only for this page then.
  }
};

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
    // The device's clock until the server's is known; its requests wait for the board to draw.
    whenIdle(() => serverClock.start());
    this.following = readStorage(() => localStorage, FOLLOW_KEY) === '1';
    // A facilitator who leads and opens another board takes the projector and followers along.
    if (this.isFacilitator && readStorage(() => sessionStorage, leadKey(session.workshopId)) === '1') {
      this.leading = true;
      void this.api.follow(boardId).catch(() => undefined);
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

  /** The board the facilitator is bringing everyone to, when it is another known board. */
  get followedBoard(): string | null {
    const target = this.control.snapshot.follow?.boardId;
    if (!target || target === this.boardId) return null;
    return this.session.workshop?.boards.some((b) => b.id === target) ? target : null;
  }

  setFollowing(on: boolean): void {
    this.following = on;
    writeStorage(() => localStorage, FOLLOW_KEY, on ? '1' : '0');
  }

  /** "Follow me" on or off: on brings everyone to this board and keeps doing so on the next ones. */
  setLeading(on: boolean): Promise<unknown> {
    this.leading = on;
    writeStorage(() => sessionStorage, leadKey(this.session.workshopId), on ? '1' : '0');
    return on ? this.api.follow(this.boardId) : this.api.stopFollow();
  }

  /** Sends the projector and every follower to this board, once. */
  bringEveryoneHere(): Promise<unknown> {
    return this.api.follow(this.boardId);
  }

  destroy(): void {
    // Leaving the board does not stop "Follow me": the next board this tab opens takes over, and
    // a facilitator who goes to the wall leaves everyone where they are.
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
