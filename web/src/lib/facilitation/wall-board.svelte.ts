/**
 * One theme board as the facilitator wall sees it, live: cards per lane, who is on it (their
 * name and city, from presence) and the latest changes: at first the most recently created cards,
 * then cards added or changed while the wall is open. A light connection: the wall takes no part
 * in presence itself.
 *
 * Public API
 *   const wb = new WallBoard(boardId, token)
 *   wb.counts    Record<Lane, number>                                     ($state)
 *   wb.people    Person[]                                                 ($state, via Presence)
 *   wb.changes   { cardId, text, lane, added, at }[] newest first (≤ 5)    ($state)
 *   wb.agreed    actions of the agreed lane, in order (for their consent verdicts)  ($state)
 *   wb.connection / wb.destroy()
 */
import * as Y from 'yjs';
import { getCardsMap, laneCounts, LANES, listLane, readPosition, type ActionCard, type Lane } from '@plenary/shared/schema';
import { BoardConnection, changedDocument, Presence } from '$lib/sync';

const RECOUNT_MS = 250;
const MAX_CHANGES = 5;

export interface WallChange {
  cardId: string;
  text: string;
  lane: Lane;
  added: boolean;
  at: number;
}

const zeroCounts = (): Record<Lane, number> => Object.fromEntries(LANES.map((lane) => [lane, 0])) as Record<Lane, number>;

/** A card's headline: an action's title, an idea's or practice's text. */
const headline = (card: Y.Map<unknown>): string => {
  const value = card.get('title') ?? card.get('text');
  return (value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '').slice(0, 120);
};

export class WallBoard {
  readonly boardId: string;
  readonly connection: BoardConnection;
  readonly presence: Presence;
  counts = $state<Record<Lane, number>>(zeroCounts());
  changes = $state.raw<WallChange[]>([]);
  agreed = $state.raw<ActionCard[]>([]);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #cleanups: Array<() => void> = [];

  constructor(boardId: string, token: string) {
    this.boardId = boardId;
    this.connection = new BoardConnection(boardId, token, { awareness: false, watchOnly: true });
    this.presence = new Presence(this.connection.awareness);
    const { doc, provider } = this.connection;
    const cards = getCardsMap(doc);

    const recount = () => {
      this.#timer = null;
      this.counts = laneCounts(doc);
      this.agreed = listLane(doc, 'agreed').filter((c): c is ActionCard => c.kind === 'action');
      this.#refreshTexts();
    };
    // 'afterTransaction', not 'update': what the server sends is applied without an 'update'
    // (quiet-updates.ts).
    const onChange = (transaction: Y.Transaction) => {
      if (changedDocument(transaction)) this.#timer ??= setTimeout(recount, RECOUNT_MS);
    };
    // Only what happens while the wall watches counts as a change: not the first load from
    // IndexedDB, nor the first sync with the server.
    // biome-ignore lint/suspicious/noExplicitAny: Yjs types deep-observer events by the type they come from; events here come from any kind
    const onDeep = (events: Y.YEvent<any>[], transaction: Y.Transaction) => {
      if (transaction.origin !== provider || !provider.synced) return;
      const touched = new Map<string, boolean>();
      for (const event of events) {
        if (event.target === cards) {
          for (const [id, change] of event.changes.keys) if (change.action === 'add') touched.set(id, true);
        } else if (typeof event.path[0] === 'string' && !touched.has(event.path[0])) {
          touched.set(event.path[0], false);
        }
      }
      if (touched.size > 0) this.#record(cards, touched);
    };
    doc.on('afterTransaction', onChange);
    cards.observeDeep(onDeep);
    this.#cleanups.push(
      () => doc.off('afterTransaction', onChange),
      () => cards.unobserveDeep(onDeep)
    );
    void this.connection.whenLoaded.then(recount);
    // Once the board has arrived, start the list with the newest cards instead of an empty one.
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      if (this.changes.length === 0) this.#seedNewest(cards);
    };
    provider.on('sync', onSync);
    this.#cleanups.push(() => provider.off('sync', onSync));
  }

  get people() {
    return this.presence.people;
  }

  destroy(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.presence.destroy();
    this.connection.destroy();
  }

  #record(cards: Y.Map<Y.Map<unknown>>, touched: Map<string, boolean>): void {
    const now = Date.now();
    let list = this.changes;
    for (const [cardId, added] of touched) {
      const card = cards.get(cardId);
      if (!(card instanceof Y.Map)) continue;
      const previous = list.find((c) => c.cardId === cardId);
      list = [
        { cardId, text: headline(card), lane: readPosition(card as never).lane, added: added || (previous?.added ?? false), at: now },
        ...list.filter((c) => c.cardId !== cardId)
      ];
    }
    this.changes = list.slice(0, MAX_CHANGES);
  }

  #seedNewest(cards: Y.Map<Y.Map<unknown>>): void {
    const created = (card: Y.Map<unknown>) => Date.parse(String(card.get('createdAt') ?? '')) || 0;
    this.changes = [...cards.entries()]
      .sort(([, a], [, b]) => created(b) - created(a))
      .slice(0, MAX_CHANGES)
      .map(([cardId, card]) => ({ cardId, text: headline(card), lane: readPosition(card as never).lane, added: true, at: created(card) }));
  }

  /** Texts typed after a card was first listed: keep the headline current (with the recount). */
  #refreshTexts(): void {
    const cards = getCardsMap(this.connection.doc);
    let changed = false;
    const next = this.changes
      .filter((c) => cards.has(c.cardId))
      .map((c) => {
        const card = cards.get(c.cardId)!;
        const text = headline(card as Y.Map<unknown>);
        const lane = readPosition(card).lane;
        if (text === c.text && lane === c.lane) return c;
        changed = true;
        return { ...c, text, lane };
      });
    if (changed || next.length !== this.changes.length) this.changes = next;
  }
}
