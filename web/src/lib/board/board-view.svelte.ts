/**
 * A live, reactive view of a board document: the cards of each lane in order. It observes the
 * cards map deeply once and routes each change to the one card it concerns, so typing in a card
 * does not re-render the board, and a move re-renders only the lanes whose order changed.
 */
import * as Y from 'yjs';
import { compareOrder, getCardsMap, LANES, type CardMap, type Lane } from '@plenary/shared/schema';
import { type CardState, createCardState } from './card-state.svelte.ts';

class LaneState {
  cards = $state.raw<CardState[]>([]);
}

export class BoardView {
  readonly lanes: Readonly<Record<Lane, LaneState>> = Object.fromEntries(LANES.map((lane) => [lane, new LaneState()])) as Record<Lane, LaneState>;
  /** Number of cards on the board. */
  total = $state(0);
  /**
   * Each action by the idea it was made from (the first in lane order), found once per change of
   * the lanes instead of by every idea card searching the whole board.
   */
  readonly #actionsByIdea = $derived.by(() => {
    const actions = new Map<string, CardState>();
    for (const lane of LANES) {
      for (const card of this.lanes[lane].cards) {
        if (card.kind === 'action' && card.fromIdea && !actions.has(card.fromIdea)) actions.set(card.fromIdea, card);
      }
    }
    return actions;
  });

  readonly #cards: Y.Map<CardMap>;
  readonly #states = new Map<string, CardState>();
  // biome-ignore lint/suspicious/noExplicitAny: Yjs types deep-observer events by the type they come from; events here come from any kind
  readonly #observer: (events: Y.YEvent<any>[], transaction: Y.Transaction) => void;

  constructor(doc: Y.Doc) {
    this.#cards = getCardsMap(doc);
    this.#observer = (events) => this.#apply(events);
    this.#cards.observeDeep(this.#observer);
    this.#reload();
  }

  /** The reactive state of a card, if it is on the board. */
  card(id: string): CardState | undefined {
    return this.#states.get(id);
  }

  /** Cards of `lane` in display order. */
  cardsOf(lane: Lane): CardState[] {
    return this.lanes[lane].cards;
  }

  /** The action made from the idea `ideaId`, if any. */
  actionFrom(ideaId: string): CardState | undefined {
    return this.#actionsByIdea.get(ideaId);
  }

  destroy(): void {
    this.#cards.unobserveDeep(this.#observer);
  }

  #reload(): void {
    this.#states.clear();
    this.#cards.forEach((map, id) => {
      const state = map instanceof Y.Map ? createCardState(id, map) : undefined;
      if (state) this.#states.set(id, state);
    });
    this.#relayout();
  }

  // biome-ignore lint/suspicious/noExplicitAny: Yjs types deep-observer events by the type they come from; events here come from any kind
  #apply(events: Y.YEvent<any>[]): void {
    let layout = false;
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === this.#cards) {
        for (const [id, change] of event.changes.keys) {
          if (change.action === 'delete') this.#states.delete(id);
          else this.#add(id);
        }
        layout = true;
        continue;
      }
      const id = event.path[0];
      // Typing in a Y.Text only concerns its bound field, never the card's plain state.
      if (typeof id !== 'string' || event.target instanceof Y.Text) continue;
      if (event.path.length === 1 && event.changes.keys.has('position')) layout = true;
      touched.add(id);
    }
    for (const id of touched) this.#states.get(id)?.refresh();
    if (layout) this.#relayout();
  }

  #add(id: string): void {
    const map = this.#cards.get(id);
    const state = map instanceof Y.Map ? createCardState(id, map) : undefined;
    if (state) this.#states.set(id, state);
    else this.#states.delete(id);
  }

  /** Sorts every lane; reassigns only lanes whose order actually changed. */
  #relayout(): void {
    const byLane = new Map<Lane, CardState[]>(LANES.map((lane) => [lane, []]));
    for (const state of this.#states.values()) byLane.get(state.lane)?.push(state);
    for (const lane of LANES) {
      const sorted = byLane.get(lane)!.sort(compareOrder);
      const current = this.lanes[lane].cards;
      const same = sorted.length === current.length && sorted.every((card, i) => card === current[i]);
      if (!same) this.lanes[lane].cards = sorted;
    }
    this.total = this.#states.size;
  }
}
