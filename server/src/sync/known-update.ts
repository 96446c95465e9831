/**
 * Whether an update would change a document. A client answers the server's sync step 1 with what
 * the server lacks plus, always, its whole delete set (Yjs keeps no state vector of deletions), so
 * once anything on a board was ever deleted, every reconnect's answer is non-empty. On a document
 * the connection may not change (locked, read-only) an answer holding only what the room already
 * has is no attempt to write: refusing it told the person their change was undone when they had
 * made none, and made the browser retry by reconnecting every ten seconds for as long as the lock
 * lasted.
 */
import * as Y from 'yjs';

export type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;

/** The document's deletions, merged into ranges (as Yjs keeps them): built on demand, kept until the next change. */
export class DeletionsCache {
  private deleted: DeleteSet | null = null;

  constructor(private readonly doc: Y.Doc) {}

  get(): DeleteSet {
    this.deleted ??= Y.createDeleteSetFromStructStore(this.doc.store);
    return this.deleted;
  }

  /** The document changed. */
  clear(): void {
    this.deleted = null;
  }
}

/** True when `update` holds an item or a deletion `doc` does not have yet. */
export const changesDoc = (doc: Y.Doc, deletions: DeletionsCache, update: Uint8Array): boolean => {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  if (ds.clients.size === 0) return false;
  const known = deletions.get();
  for (const [client, items] of ds.clients) {
    const ranges = known.clients.get(client);
    for (const { clock, len } of items) if (len > 0 && !covered(ranges, clock, len)) return true;
  }
  return false;
};

/** Whether one of the merged, sorted `ranges` holds [clock, clock + len). */
const covered = (ranges: readonly { clock: number; len: number }[] | undefined, clock: number, len: number): boolean => {
  if (!ranges) return false;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid]!;
    if (clock < range.clock) high = mid - 1;
    else if (clock >= range.clock + range.len) low = mid + 1;
    else return clock + len <= range.clock + range.len;
  }
  return false;
};
