/**
 * Everything the board's components share: the document, the reactive view of its lanes, this
 * person's undo history, their presence, dragging, and the card actions (add, move, delete…),
 * each written with this person's transaction origin. Created by the board page, passed down
 * through context.
 */
import { getContext, setContext, tick } from 'svelte';
import type * as Y from 'yjs';
import { addCard, BoardSchemaError, deleteCard, LANES, moveCard, turnIdeaIntoAction, updateCard, type CardPatch, type Lane } from '@plenary/shared/schema';
import type { Presence } from '$lib/sync';
import { i18n } from '$lib/i18n';
import { BoardUndo } from './board-undo.svelte.ts';
import { BoardView } from './board-view.svelte.ts';
import { CardDrag, type DropTarget } from './card-drag.svelte.ts';

const CONTEXT = Symbol('plenary.board');

/** A city of the workshop, as the API describes it. */
export interface BoardCity {
  en: string;
  native?: string;
  /** BCP-47 tag of the native name's language. */
  lang?: string;
}

export interface Author {
  name: string;
  city: string;
  lang: string;
}

export class BoardController {
  readonly doc: Y.Doc;
  /** Transaction origin of this person's changes on this device. */
  readonly origin = { who: 'me' };
  readonly view: BoardView;
  readonly undo: BoardUndo;
  readonly drag: CardDrag;
  readonly presence: Presence;
  readonly readOnly: () => boolean;
  author: Author;
  /** The workshop's cities, for city pickers. */
  cities = $state.raw<BoardCity[]>([]);
  /** Action card open in the editor dialog. */
  editing = $state<string | null>(null);
  /** Polite announcement for screen readers (moves, adds, deletes). */
  announcement = $state('');
  /** A deletion the toast offers to undo: its undo step number. */
  deletedStep = $state<number | null>(null);
  /** The card this person just added: brought into view and highlighted for a moment. */
  fresh = $state<string | null>(null);
  error = $state('');

  constructor(doc: Y.Doc, presence: Presence, author: Author, readOnly: () => boolean) {
    this.doc = doc;
    this.presence = presence;
    this.author = author;
    this.readOnly = readOnly;
    this.view = new BoardView(doc);
    this.undo = new BoardUndo(doc, this.origin);
    this.drag = new CardDrag((id, target) => this.moveTo(id, target));
  }

  /** Adds an idea or best practice with its first text; returns its id. */
  addNote = (lane: Lane, kind: 'idea' | 'practice', text: string): string | null =>
    this.#attempt(() => {
      this.undo.boundary();
      const { name, city, lang } = this.author;
      const base = { createdBy: name, authorCity: city, lang, lane, text };
      const id = kind === 'idea' ? addCard(this.doc, { ...base, kind }, this.origin) : addCard(this.doc, { ...base, kind, sourceCity: city }, this.origin);
      this.undo.boundary();
      this.fresh = id;
      this.#announce('board.announce.created', { lane: laneName(lane) });
      return id;
    });

  /** Adds an empty action and opens it in the editor. */
  addAction = (lane: Lane): string | null =>
    this.#attempt(() => {
      this.undo.boundary();
      const { name, city, lang } = this.author;
      const id = addCard(this.doc, { kind: 'action', createdBy: name, authorCity: city, lang, lane, leadCity: city || null }, this.origin);
      this.undo.boundary();
      this.fresh = id;
      this.editing = id;
      this.#announce('board.announce.created', { lane: laneName(lane) });
      return id;
    });

  update = (id: string, patch: CardPatch): void => {
    this.#attempt(() => updateCard(this.doc, id, patch, this.origin));
  };

  /** Why an idea this person dropped in the agreed lane became an action: shown on that idea. */
  ideaNotice = $state<string | null>(null);

  /**
   * Makes an action from an idea or best practice (which stays where it is), keeping its text and
   * translations and linking back to it; in `target`'s lane and place, else at the end of Proposed.
   */
  turnIntoAction = (id: string, target?: DropTarget): string | null =>
    this.#attempt(() => {
      this.undo.boundary();
      const { name, city } = this.author;
      const place = target ? { lane: target.lane, index: target.index } : { lane: 'proposed' as const };
      const action = turnIdeaIntoAction(this.doc, id, { createdBy: name, authorCity: city, ...place }, this.origin);
      this.undo.boundary();
      return action;
    });

  moveTo = (id: string, target: DropTarget): void => {
    // Only actions are agreed (they name the cities whose consent counts): an idea dropped in the
    // agreed lane becomes an action there, and goes back where it was.
    const moving = this.view.card(id);
    if (target.lane === 'agreed' && moving && moving.kind !== 'action') {
      if (this.turnIntoAction(id, target)) this.ideaNotice = id;
      return;
    }
    this.#attempt(() => {
      this.undo.boundary();
      if (!moveCard(this.doc, id, { lane: target.lane, index: target.index }, this.origin)) return;
      this.undo.boundary();
      const total = this.view.cardsOf(target.lane).length;
      const position = this.view.cardsOf(target.lane).findIndex((c) => c.id === id) + 1;
      this.#announce('board.announce.moved', { lane: laneName(target.lane), position, total });
    });
  };

  /** Keyboard move: up/down within the lane, left/right to the neighbouring lane. Keeps focus on the card. */
  moveBy = async (id: string, direction: 'up' | 'down' | 'left' | 'right'): Promise<void> => {
    const card = this.view.card(id);
    if (!card) return;
    const cards = this.view.cardsOf(card.lane);
    const index = cards.findIndex((c) => c.id === id);
    const laneIndex = LANES.indexOf(card.lane);
    if (direction === 'up' || direction === 'down') {
      const to = direction === 'up' ? index - 1 : index + 1;
      if (to < 0 || to >= cards.length) return;
      this.moveTo(id, { lane: card.lane, index: to });
    } else {
      const lane = LANES[laneIndex + (direction === 'left' ? -1 : 1)];
      if (!lane) return;
      this.moveTo(id, { lane, index: Math.min(index, this.view.cardsOf(lane).length) });
    }
    await tick();
    document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)?.focus();
  };

  /**
   * "Move to…": the top or bottom of any lane, through the same move as drag and Alt+Arrow.
   * Focus stays on the card, wherever it went.
   */
  moveToEdge = async (id: string, lane: Lane, edge: 'top' | 'bottom'): Promise<void> => {
    const index = edge === 'top' ? 0 : this.view.cardsOf(lane).filter((c) => c.id !== id).length;
    this.moveTo(id, { lane, index });
    await tick();
    const el = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    el?.focus({ preventScroll: true });
  };

  /** Whether the person on this device wrote the card (same name and city); others' cards ask before deleting. */
  isMine = (card: { createdBy: string; authorCity: string }): boolean =>
    card.createdBy !== '' && card.createdBy === this.author.name && card.authorCity === this.author.city;

  remove = (id: string): void => {
    this.#attempt(() => {
      this.undo.boundary();
      if (!deleteCard(this.doc, id, this.origin)) return;
      this.undo.boundary();
      if (this.editing === id) this.editing = null;
      this.deletedStep = this.undo.steps;
      this.#announce('board.announce.deleted');
    });
  };

  destroy(): void {
    this.view.destroy();
    this.undo.destroy();
  }

  #announce(key: string, values?: Record<string, unknown>): void {
    this.announcement = i18n.t(key, values);
  }

  /** Runs a change; a refusal from the schema (board full, text too long) becomes a message. */
  #attempt<T>(fn: () => T): T | null {
    if (this.readOnly()) return null;
    try {
      this.error = '';
      return fn();
    } catch (error) {
      if (!(error instanceof BoardSchemaError)) throw error;
      this.error = error.code === 'too-many' ? i18n.t('board.error.tooMany') : error.message;
      return null;
    }
  }
}

export const laneName = (lane: Lane): string => i18n.t(`board.lane.${lane}`);

export const setBoard = (board: BoardController): BoardController => setContext(CONTEXT, board);

export const getBoard = (): BoardController => {
  const board = getContext<BoardController | undefined>(CONTEXT);
  if (!board) throw new Error('getBoard() outside a board');
  return board;
};
