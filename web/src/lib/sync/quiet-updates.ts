/**
 * Lets a document skip Yjs's encoding of a transaction's changes for its 'update' listeners, for
 * the transactions every one of those listeners ignores.
 *
 * Once a transaction is done, Yjs encodes what it changed as an update whenever the document has
 * an 'update' listener at all, before it calls any of them. A board's connection has three (the
 * provider sends local edits, the IndexedDB copy stores them, the unsynced flag watches them), and
 * the board it reads from IndexedDB or receives from the server is applied in one transaction that
 * each of them ignores by its origin. Encoding it anyway is the whole board encoded once more:
 * about a third on top of the apply itself, on every open of a board (tests/bench/cold-load.ts
 * measures the join with and without it).
 *
 * Yjs decides by asking the document's listener map whether it has 'update' listeners, right after
 * the 'afterTransactionCleanup' event. That map is wrapped so that, for a transaction the predicate
 * calls quiet, the answer is no; listeners are added, removed and called as before. Should Yjs stop
 * asking, nothing is skipped and nothing breaks: the flag is set anew for every transaction.
 *
 * A listener that only needs to know that something changed should use 'afterTransaction' (no
 * encoding at all) rather than 'update'; 'update' listeners do not hear quiet transactions.
 */
import type * as Y from 'yjs';

class ListenerMap extends Map<string, Set<unknown>> {
  /** Set for one transaction, consumed by Yjs's question that follows it. */
  skipNextUpdate = false;

  override has(name: string): boolean {
    if (name === 'update' && this.skipNextUpdate) {
      this.skipNextUpdate = false;
      return false;
    }
    return super.has(name);
  }
}

/**
 * From now on, transactions of `doc` for which `quiet` returns true are not encoded for, nor heard
 * by, its 'update' listeners. Returns a function that stops it.
 */
export const skipUpdateEncoding = (doc: Y.Doc, quiet: (transaction: Y.Transaction) => boolean): (() => void) => {
  const listeners = doc._observers instanceof ListenerMap ? doc._observers : new ListenerMap(doc._observers);
  doc._observers = listeners;
  const decide = (transaction: Y.Transaction) => {
    listeners.skipNextUpdate = quiet(transaction);
  };
  doc.on('afterTransactionCleanup', decide);
  return () => {
    doc.off('afterTransactionCleanup', decide);
    listeners.skipNextUpdate = false;
  };
};

/** The transaction changed the document: the same test Yjs makes before it emits 'update'. */
export const changedDocument = (transaction: Y.Transaction): boolean => {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
};
