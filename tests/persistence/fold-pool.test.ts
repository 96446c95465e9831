/**
 * A compaction's fold runs in a worker thread (server/src/persistence/fold-pool.ts): it gives the
 * bytes the fold on the event loop gives, a large board's causal slices included; the loop keeps
 * turning while a large board folds (on the loop it turned not once); a fold of bytes that are not
 * an update fails the compaction as it did on the loop.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { foldSnapshot } from '@plenary/server/persistence/fold.ts';
import { foldInWorker } from '@plenary/server/persistence/fold-pool.ts';
import { unpackSnapshot } from '@plenary/server/persistence/snapshot-parts.ts';

/** A board's history: a snapshot of `edits` edits typed at scattered places, then 499 single edits. */
const history = (edits: number): Uint8Array[] => {
  const doc = new Y.Doc();
  const text = doc.getText('cards');
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  doc.transact(() => {
    for (let i = 0; i < edits; i++) text.insert(next() % (text.length + 1), String.fromCharCode(97 + (i % 26)));
  });
  const updates = [Y.encodeStateAsUpdate(doc)];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 499; i++) text.insert(next() % (text.length + 1), 'x');
  return updates;
};

describe('the fold worker', () => {
  it('folds a large board into the same slices as the event loop does, and a small one into the same update', async () => {
    const large = history(60_000);
    const inWorker = await foldInWorker(large);
    expect(unpackSnapshot(inWorker).length).toBeGreaterThan(1);
    expect(Buffer.from(inWorker).equals(Buffer.from(foldSnapshot(large)))).toBe(true);
    const small = history(200);
    expect(Buffer.from(await foldInWorker(small)).equals(Buffer.from(foldSnapshot(small)))).toBe(true);
  });

  it('leaves the event loop free while a large board folds', async () => {
    const large = history(60_000);
    await foldInWorker(history(10)); // the thread is started
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const folded = foldInWorker(large);
    await folded;
    clearInterval(timer);
    // Folded on the loop, the timer could not fire until the fold had ended.
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('fails a fold of bytes that are not an update, as the loop does', async () => {
    const bad = [Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x07)];
    expect(() => foldSnapshot(bad)).toThrow();
    await expect(foldInWorker(bad)).rejects.toThrow();
  });
});
