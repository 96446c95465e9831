import * as Y from 'yjs';
import { causalSlices, type SliceSizes } from './causal-slices.ts';
import { packSnapshot } from './snapshot-parts.ts';

/**
 * A snapshot's parts: the first is what a joining device waits for before it starts applying, so
 * it is small (deflated in a few milliseconds in a process just started), and each after it twice
 * the one before, up to `most` (a board of 100,000 edits, 1.2 MB, in 11 parts). A board under
 * twice `most` (the seminar's boards of 200 cards are about 110 kB) is kept as one update.
 */
export const SNAPSHOT_SLICES: SliceSizes = { first: 32 * 1024, most: 128 * 1024 };

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

/** The bytes a store keeps as the snapshot of these updates: folded, then cut into causal slices. */
export const foldSnapshot = (updates: Uint8Array[]): Uint8Array => packSnapshot(causalSlices(foldUpdates(updates), SNAPSHOT_SLICES));
