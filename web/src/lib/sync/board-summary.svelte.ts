/**
 * Live figures of one board for the workshop page's tiles: cards per lane and people on the board.
 * Opens a light `BoardConnection` (no presence of its own, so looking at the workshop page does
 * not count as being on a board) that also refreshes the board's IndexedDB copy.
 *
 * Public API
 *   const summary = new BoardSummary(boardId, token)
 *   summary.counts     Record<Lane, number>   ($state)
 *   summary.people     number                 ($state)
 *   summary.connection BoardConnection
 *   summary.destroy()
 */
import { laneCounts, LANES, type Lane } from '@plenary/shared/schema';
import type * as Y from 'yjs';
import { BoardConnection } from './board-connection.svelte.ts';
import { changedDocument } from './quiet-updates.ts';
import { countPeople } from './presence.svelte.ts';

/** Recount at most this often while a board is busy (500 cards, many typists). */
const RECOUNT_MS = 250;

const zeroCounts = (): Record<Lane, number> => Object.fromEntries(LANES.map((lane) => [lane, 0])) as Record<Lane, number>;

export class BoardSummary {
  readonly connection: BoardConnection;
  counts = $state<Record<Lane, number>>(zeroCounts());
  people = $state(0);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #cleanups: Array<() => void> = [];

  constructor(boardId: string, token: string) {
    this.connection = new BoardConnection(boardId, token, { awareness: false, watchOnly: true });
    const { doc, awareness } = this.connection;

    const recount = () => {
      this.#timer = null;
      this.counts = laneCounts(doc);
    };
    // 'afterTransaction', not 'update': what the server sends is applied without an 'update'
    // (quiet-updates.ts).
    const onChange = (transaction: Y.Transaction) => {
      if (changedDocument(transaction)) this.#timer ??= setTimeout(recount, RECOUNT_MS);
    };
    const onAwareness = () => {
      this.people = countPeople(awareness);
    };
    doc.on('afterTransaction', onChange);
    awareness.on('change', onAwareness);
    this.#cleanups.push(
      () => doc.off('afterTransaction', onChange),
      () => awareness.off('change', onAwareness)
    );
    void this.connection.whenLoaded.then(recount);
  }

  destroy(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.connection.destroy();
  }
}
