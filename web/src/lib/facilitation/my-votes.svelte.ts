/**
 * This person's votes in one open round: read from the server (votes are never in a shared
 * document), changed by voting and taking a vote back. Each answer from the server replaces the
 * state, so what is shown is always what the server counted.
 */
import { ApiError } from '$lib/api';
import type { FacilitationApi, MyVotes } from '$lib/api';

export class RoundVotes {
  readonly roundId: string;
  votes = $state.raw<string[]>([]);
  left = $state(0);
  loaded = $state(false);
  busy = $state(false);
  error = $state('');

  readonly #api: FacilitationApi;

  constructor(api: FacilitationApi, roundId: string) {
    this.#api = api;
    this.roundId = roundId;
  }

  /** Votes this person gave `cardId`. */
  on(cardId: string): number {
    return this.votes.filter((id) => id === cardId).length;
  }

  load = (): Promise<void> => this.#run(() => this.#api.myVotes(this.roundId));
  vote = (cardId: string): Promise<void> => this.#run(() => this.#api.vote(this.roundId, cardId));
  takeBack = (cardId: string): Promise<void> => this.#run(() => this.#api.unvote(this.roundId, cardId));

  async #run(action: () => Promise<MyVotes>): Promise<void> {
    this.busy = true;
    try {
      const mine = await action();
      this.votes = mine.votes;
      this.left = mine.left;
      this.loaded = true;
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}
