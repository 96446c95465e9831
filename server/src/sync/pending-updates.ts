/**
 * Updates Yjs holds back. An update built on an edit the document has not seen yet (a gap in a
 * client's clock, or deletions of unknown items) is not applied: Yjs keeps it as pending and
 * merges every later gapped update into it, retrying each time. Nothing pending is stored or sent
 * to anyone, so it is memory and CPU spent on a promise — and a raw client can make that promise
 * as large as it likes unless the room measures it.
 */
import type * as Y from 'yjs';

/** Bytes of updates the document holds back, waiting for edits it has not seen. */
export const pendingBytes = (doc: Y.Doc): number => (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);

/**
 * Forgets every held-back update. Safe for honest clients: nothing pending was ever stored or
 * forwarded, and the client that sent it still holds it and sends it again (with the edits it was
 * built on) at its next sync.
 */
export const dropPending = (doc: Y.Doc): void => {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
};
