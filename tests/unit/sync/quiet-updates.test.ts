/**
 * A board's document skips Yjs's encoding of what it receives from the server or reads from
 * IndexedDB (web/src/lib/sync/quiet-updates.ts): those transactions are not heard by 'update'
 * listeners, while every other transaction is — including edits made in reaction to a quiet one,
 * which must still be sent and stored — and listeners come and go as usual. And no module of the
 * web app but the board connection listens to a document's 'update' (the others would miss what
 * the server sends).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { changedDocument, skipUpdateEncoding } from '../../../web/src/lib/sync/quiet-updates.ts';

const REMOTE = Symbol('server');

/** A board of `n` entries written by another client, as the server would send it. */
const remoteBoard = (n: number): Uint8Array => {
  const other = new Y.Doc();
  const cards = other.getMap('cards');
  other.transact(() => {
    for (let i = 0; i < n; i++) cards.set(`card-${i}`, `text ${i}`);
  });
  return Y.encodeStateAsUpdate(other);
};

const heard = (doc: Y.Doc) => {
  const updates: Array<{ update: Uint8Array; origin: unknown }> = [];
  const listener = (update: Uint8Array, origin: unknown) => updates.push({ update, origin });
  doc.on('update', listener);
  return { updates, listener };
};

describe('skipping the update encoding of quiet transactions', () => {
  it('a quiet transaction is applied but not encoded for the update listeners; a local edit is', () => {
    const doc = new Y.Doc();
    const { updates } = heard(doc);
    skipUpdateEncoding(doc, (transaction) => transaction.origin === REMOTE);

    Y.applyUpdate(doc, remoteBoard(50), REMOTE);
    expect(doc.getMap('cards').size).toBe(50);
    expect(updates).toHaveLength(0);

    doc.getMap('cards').set('mine', 'typed here');
    expect(updates).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updates[0]!.update);
    expect(copy.getMap('cards').get('mine')).toBe('typed here');
  });

  it('without it, the same apply is encoded for the listeners (what the skip saves)', () => {
    const doc = new Y.Doc();
    const { updates } = heard(doc);
    Y.applyUpdate(doc, remoteBoard(50), REMOTE);
    expect(updates).toHaveLength(1);
  });

  it('an edit made by an observer in reaction to a quiet transaction is still heard', () => {
    const doc = new Y.Doc();
    const { updates } = heard(doc);
    skipUpdateEncoding(doc, (transaction) => transaction.origin === REMOTE);
    const cards = doc.getMap('cards');
    const seen = doc.getMap('seen');
    cards.observe((_event, transaction) => {
      if (transaction.origin === REMOTE) doc.transact(() => seen.set('count', cards.size), 'local');
    });

    Y.applyUpdate(doc, remoteBoard(5), REMOTE);
    expect(seen.get('count')).toBe(5);
    expect(updates.map((u) => u.origin)).toEqual(['local']);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updates[0]!.update);
    expect(copy.getMap('seen').get('count')).toBe(5);
  });

  it('listeners added and removed around quiet transactions are called as usual', () => {
    const doc = new Y.Doc();
    skipUpdateEncoding(doc, (transaction) => transaction.origin === REMOTE);
    Y.applyUpdate(doc, remoteBoard(3), REMOTE);
    const later = heard(doc);
    doc.getMap('cards').set('a', 1);
    expect(later.updates).toHaveLength(1);
    doc.off('update', later.listener);
    doc.getMap('cards').set('b', 2);
    expect(later.updates).toHaveLength(1);
    // No listener left: Yjs has nothing to encode for, quiet or not.
    Y.applyUpdate(doc, remoteBoard(4), REMOTE);
    doc.getMap('cards').set('c', 3);
    expect(later.updates).toHaveLength(1);
  });

  it('once stopped, quiet origins are heard again', () => {
    const doc = new Y.Doc();
    const { updates } = heard(doc);
    const stop = skipUpdateEncoding(doc, (transaction) => transaction.origin === REMOTE);
    Y.applyUpdate(doc, remoteBoard(2), REMOTE);
    stop();
    const other = new Y.Doc();
    other.getMap('cards').set('new', 'from the server');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), REMOTE);
    expect(updates).toHaveLength(1);
  });

  it('changedDocument tells a transaction that changed the document from one that did not', () => {
    const doc = new Y.Doc();
    const changes: boolean[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => changes.push(changedDocument(transaction)));
    const board = remoteBoard(3);
    Y.applyUpdate(doc, board, REMOTE);
    Y.applyUpdate(doc, board, REMOTE);
    doc.getMap('cards').delete('card-0');
    doc.transact(() => undefined);
    expect(changes).toEqual([true, false, true, false]);
  });
});

describe("the web app's update listeners", () => {
  const WEB_SRC = path.resolve(import.meta.dirname, '../../../web/src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(path.join(dir, entry.name)) : /\.(ts|svelte)$/.test(entry.name) ? [path.join(dir, entry.name)] : []
    );

  it("only the board connection listens to a document's 'update': what the server sends is not encoded for others", () => {
    const listening = files(WEB_SRC).filter((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => /\.on\(\s*['"]update['"]/.test(line) && !/awareness/i.test(line))
    );
    expect(listening.map((file) => path.relative(WEB_SRC, file))).toEqual(['lib/sync/board-connection.svelte.ts']);
  });
});
