import * as Y from 'yjs';

/**
 * Folds a snapshot and its log into one update: applied to a fresh document (with garbage
 * collection) and encoded again, so deleted content does not keep the snapshot growing.
 */
export const foldUpdates = (updates: Uint8Array[]): Uint8Array => {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
};
