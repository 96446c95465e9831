/** A board stored as a crash leaves it, what a client must end up with (join and read-ahead tests). */
import * as Y from 'yjs';
import { expect } from 'vitest';
import type { Store } from '@plenary/server/persistence/store.ts';

/**
 * Stores a board as a crash leaves it: a snapshot (the first edits, folded) and a log of the edits
 * after it, each its own entry; the snapshot's edits by `size.writers` writers in turn (several
 * make a large snapshot, which the store keeps in slices). Returns the board every client must end up with.
 */
export const storeCrashedBoard = async (
  store: Store,
  name: string,
  size: { snapshot: number; log: number; writers?: number } = { snapshot: 200, log: 40 }
): Promise<Y.Doc> => {
  const board = new Y.Doc();
  const updates: Uint8Array[] = [];
  board.on('update', (u: Uint8Array) => updates.push(u));
  const text = board.getText('notes');
  const writers = size.writers ?? 1;
  for (let i = 0; i < size.snapshot; i++) {
    if (writers > 1) board.clientID = 9_000 + (i % writers);
    text.insert((i * 7) % (text.length + 1), String.fromCharCode(97 + (i % 26)));
  }
  board.getMap('cards').set('c1', 'first card');
  await store.appendUpdates(name, updates.splice(0));
  await store.compact(name);
  for (let i = 0; i < size.log; i++) text.insert((i * 13) % (text.length + 1), 'xyz'[i % 3]!);
  text.delete(3, 5);
  board.getMap('cards').set('c2', 'second card');
  board.getMap('cards').delete('c1');
  await store.appendUpdates(name, updates.splice(0));
  const stored = await store.loadDoc(name);
  expect(stored!.logLength).toBeGreaterThan(size.log);
  expect(stored!.updates.length).toBe(stored!.logLength + stored!.snapshotParts);
  return board;
};

/** The board's text and its cards (sorted by id, so that the order they arrived in does not matter). */
export const content = (doc: Y.Doc) => ({
  notes: doc.getText('notes').toString(),
  cards: Object.fromEntries(Object.entries(doc.getMap('cards').toJSON()).sort(([a], [b]) => a.localeCompare(b)))
});
