/**
 * The store contract: every store implementation (embedded SQLite, Redis) must pass this suite.
 * Each test works on its own document names, so the tests of one run share the storage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '@plenary/server/persistence/store.ts';
import { bytes, contentOf, docFrom, entry, load, newDocName, recordUpdates, smallUpdate } from './contract-helpers.ts';
import { runOperationsContract } from './store-contract-operations.ts';
import { runRecordsContract } from './store-contract-records.ts';

export interface StoreHarness {
  /** A new store instance on the same storage (same DATA_DIR / same Redis key prefix). */
  open(): Promise<Store>;
  /** Removes everything the run stored (after every store is closed). */
  cleanup(): Promise<void>;
}

export const runStoreContract = (storeName: string, makeHarness: () => Promise<StoreHarness>) => {
  describe(`store contract: ${storeName}`, () => {
    let harness: StoreHarness;
    let store: Store;
    const opened: Store[] = [];
    const open = async () => {
      const s = await harness.open();
      opened.push(s);
      return s;
    };

    beforeAll(async () => {
      harness = await makeHarness();
      store = await open();
    });
    afterAll(async () => {
      for (const s of opened) await s.close();
      await harness?.cleanup();
    });

    it('answers a ping', async () => {
      expect(await store.ping()).toBe(true);
    });

    it('returns null for a document never stored', async () => {
      expect(await store.loadDoc(newDocName('empty'))).toBeNull();
    });

    it('loads appended updates in append order, with their count and size', async () => {
      const name = newDocName('order');
      const a = Uint8Array.from([1, 2, 3]);
      const b = Uint8Array.from([4, 5]);
      const c = Uint8Array.from([6]);
      expect(await store.appendUpdates(name, [a])).toEqual({ logLength: 1, bytes: 3 });
      expect(await store.appendUpdates(name, [b, c])).toEqual({ logLength: 3, bytes: 6 });
      const stored = await load(store, name);
      expect(stored.updates.map((u) => Array.from(u))).toEqual([[1, 2, 3], [4, 5], [6]]);
      expect(stored.logLength).toBe(3);
      expect(stored.bytes).toBe(6);
    });

    it('keeps the order and figures of appends made in one turn, to one document and to several', async () => {
      const name = newDocName('turn');
      const other = newDocName('turn-other');
      // Not awaited one by one: the rooms of a process write on one clock, so a store is handed
      // several boards' appends at once (SQLite commits them together).
      const figures = await Promise.all([
        store.appendUpdates(name, [Uint8Array.from([1])]),
        store.appendUpdates(other, [Uint8Array.from([9, 9])]),
        store.appendUpdates(name, [Uint8Array.from([2, 2]), Uint8Array.from([3])]),
        store.appendUpdates(other, [Uint8Array.from([8])])
      ]);
      expect(figures).toEqual([
        { logLength: 1, bytes: 1 },
        { logLength: 1, bytes: 2 },
        { logLength: 3, bytes: 4 },
        { logLength: 2, bytes: 3 }
      ]);
      expect((await load(store, name)).updates.map((u) => Array.from(u))).toEqual([[1], [2, 2], [3]]);
      expect((await load(store, other)).updates.map((u) => Array.from(u))).toEqual([[9, 9], [8]]);
    });

    it('keeps binary bytes exactly (every byte value, a large random update)', async () => {
      const name = newDocName('binary');
      const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
      const large = new Uint8Array(256 * 1024);
      for (let i = 0; i < large.length; i += 65_536) crypto.getRandomValues(large.subarray(i, i + 65_536));
      // A view into a larger buffer: only the viewed bytes may be stored.
      const view = new Uint8Array(Uint8Array.from([9, 0, 0, 255, 9]).buffer, 1, 3);
      await store.appendUpdates(name, [everyByte, large, view]);
      const stored = await load(store, name);
      expect(stored.updates).toHaveLength(3);
      expect(Buffer.from(stored.updates[0]!).equals(Buffer.from(everyByte))).toBe(true);
      expect(Buffer.from(stored.updates[1]!).equals(Buffer.from(large))).toBe(true);
      expect(Array.from(stored.updates[2]!)).toEqual([0, 0, 255]);
    });

    it('keeps the content through compaction and empties the log', async () => {
      const name = newDocName('compact');
      const doc = new Y.Doc();
      const updates = recordUpdates(doc);
      doc.getText('notes').insert(0, 'Air quality monitoring in both cities');
      doc.getMap('cards').set('c1', 'Exchange of school classes');
      doc.getText('notes').delete(0, 4);
      await store.appendUpdates(name, updates.splice(0));
      expect((await store.compact(name)).compacted).toBe(true);

      // Edits after a compaction land in the log after the snapshot.
      doc.getMap('cards').set('c2', 'Joint tourism fair');
      await store.appendUpdates(name, updates.splice(0));
      const stored = await load(store, name);
      expect(stored.logLength).toBe(1);
      expect(contentOf(docFrom(stored.updates))).toEqual(contentOf(doc));

      const result = await store.compact(name);
      expect(result.compacted).toBe(true);
      const compacted = await load(store, name);
      expect(compacted.logLength).toBe(0);
      expect(compacted.updates).toHaveLength(1);
      expect(compacted.snapshotParts).toBe(1);
      expect(result.bytes).toBe(compacted.bytes);
      expect(contentOf(docFrom(compacted.updates))).toEqual(contentOf(doc));
    });

    it('keeps a large board’s snapshot in causal slices, each applying after the ones before, and compacts it again', async () => {
      const name = newDocName('slices');
      const doc = new Y.Doc();
      const updates = recordUpdates(doc);
      const notes = doc.getText('notes');
      // Three writers typing at scattered places: about 350 kB, over twice the largest slice.
      for (let i = 0; i < 27_000; i++) {
        doc.clientID = 7_000 + (i % 3);
        notes.insert((i * 7919) % (notes.length + 1), 'ab'[i % 2]!);
      }
      await store.appendUpdates(name, [Y.encodeStateAsUpdate(doc)]);
      updates.splice(0);
      const result = await store.compact(name);
      const stored = await load(store, name);
      expect(stored.snapshotParts).toBeGreaterThan(2);
      expect(stored.updates).toHaveLength(stored.snapshotParts);
      expect(stored.bytes).toBe(result.bytes);
      // Each part applies completely on the parts before it: nothing waits in Yjs for a later one.
      const joined = new Y.Doc();
      for (const part of stored.updates) {
        Y.applyUpdate(joined, part);
        expect(joined.store.pendingStructs).toBeNull();
      }
      expect(joined.getText('notes').toString()).toBe(notes.toString());

      // The log after a sliced snapshot, and a compaction of both.
      notes.insert(0, 'Air quality monitoring: ');
      await store.appendUpdates(name, updates.splice(0));
      const withLog = await load(store, name);
      expect(withLog.updates).toHaveLength(withLog.snapshotParts + 1);
      expect(docFrom(withLog.updates).getText('notes').toString()).toBe(notes.toString());
      await store.compact(name);
      const again = await load(store, name);
      expect(again.logLength).toBe(0);
      expect(again.snapshotParts).toBeGreaterThan(2);
      expect(docFrom(again.updates).getText('notes').toString()).toBe(notes.toString());
    });

    it('compacts a document with nothing logged without harm', async () => {
      const name = newDocName('compact-empty');
      expect((await store.compact(name)).bytes).toBe(0);
      expect(await store.loadDoc(name)).toBeNull();
    });

    it('bounds stored bytes: 5,000 small edits compact to within 2x the encoded state', async () => {
      const name = newDocName('bound');
      const doc = new Y.Doc();
      const updates = recordUpdates(doc);
      const text = doc.getText('plan');
      for (let i = 0; i < 5_000; i++) {
        if (i % 10 === 9) text.delete(Math.floor(text.length / 2), 1);
        else text.insert(i % 7 === 0 ? 0 : text.length, String.fromCharCode(97 + (i % 26)));
      }
      for (let i = 0; i < updates.length; i += 250) await store.appendUpdates(name, updates.slice(i, i + 250));
      const before = await load(store, name);
      expect(before.logLength).toBe(5_000);

      const result = await store.compact(name);
      expect(result.compacted).toBe(true);
      const after = await load(store, name);
      const stateSize = Y.encodeStateAsUpdate(doc).byteLength;
      expect(after.logLength).toBe(0);
      expect(after.bytes).toBeLessThan(before.bytes);
      expect(after.bytes).toBeLessThanOrEqual(2 * stateSize);
      expect(docFrom(after.updates).getText('plan').toString()).toBe(text.toString());
    });

    it('never loses appends made while other instances compact the same document', async () => {
      const name = newDocName('concurrent');
      const writer = await open();
      const compactorA = await open();
      const compactorB = await open();
      const doc = new Y.Doc();
      const updates = recordUpdates(doc);
      const items = doc.getArray<number>('items');
      const total = 400;

      let writing = true;
      const write = (async () => {
        try {
          for (let i = 0; i < total; i++) {
            items.push([i]);
            await writer.appendUpdates(name, updates.splice(0));
          }
        } finally {
          writing = false;
        }
      })();
      let compactions = 0;
      const compactLoop = async (s: Store) => {
        while (writing) {
          if ((await s.compact(name)).compacted) compactions++;
          await new Promise((r) => setImmediate(r));
        }
      };
      await Promise.all([write, compactLoop(compactorA), compactLoop(compactorB)]);
      expect(compactions).toBeGreaterThan(0);

      const reader = await open();
      const stored = await load(reader, name);
      expect(docFrom(stored.updates).getArray('items').toArray()).toEqual(Array.from({ length: total }, (_, i) => i));
      await store.compact(name);
      const final = await load(reader, name);
      expect(final.logLength).toBe(0);
      expect(docFrom(final.updates).getArray('items').length).toBe(total);
    });

    it('deletes a document and its log, leaving other documents alone', async () => {
      const name = newDocName('delete');
      const other = newDocName('delete-other');
      const [u1, u2, u3, u4] = ['one', 'two', 'three', 'four'].map(smallUpdate) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
      await store.appendUpdates(name, [u1]);
      await store.compact(name);
      await store.appendUpdates(name, [u2]);
      await store.appendUpdates(other, [u3]);

      await store.deleteDoc(name);
      expect(await store.loadDoc(name)).toBeNull();
      expect((await load(store, other)).updates.map((u) => Array.from(u))).toEqual([Array.from(u3)]);

      // A document written again after deletion starts afresh.
      expect(await store.appendUpdates(name, [u4])).toEqual({ logLength: 1, bytes: u4.byteLength });
      expect((await load(store, name)).updates.map((u) => Array.from(u))).toEqual([Array.from(u4)]);
    });

    it('gets and sets meta values', async () => {
      const key = newDocName('meta');
      expect(await store.getMeta(key)).toBeNull();
      await store.setMeta(key, '{"title":"Sister cities 2025"}');
      expect(await store.getMeta(key)).toBe('{"title":"Sister cities 2025"}');
      await store.setMeta(key, 'ünïcödé ✓');
      expect(await store.getMeta(key)).toBe('ünïcödé ✓');
      expect(await store.setMetaIfAbsent(key, 'other')).toBe('ünïcödé ✓');
      expect(await store.getMeta(key)).toBe('ünïcödé ✓');
    });

    it('gives two racing setMetaIfAbsent calls the same value', async () => {
      const key = newDocName('secret');
      const other = await open();
      const [a, b] = await Promise.all([store.setMetaIfAbsent(key, 'secret-from-a'), other.setMetaIfAbsent(key, 'secret-from-b')]);
      expect(a).toBe(b);
      expect(['secret-from-a', 'secret-from-b']).toContain(a);
      expect(await other.getMeta(key)).toBe(a);
    });

    it('saves versions and lists them newest first without their content', async () => {
      const name = newDocName('versions');
      const meta = JSON.stringify({ label: 'ก่อนพักเที่ยง 午休前', author: 'Somchai' });
      await store.saveVersion(name, entry('v1', false, meta), bytes('{"first":true}'));
      await store.saveVersion(name, entry('v2', true), bytes('{"second":true}'));
      const listed = await store.listVersions(name);
      expect(listed.map((v) => [v.id, v.auto])).toEqual([
        ['v2', true],
        ['v1', false]
      ]);
      expect(listed[1]!.meta).toBe(meta);
      expect(await store.listVersions(newDocName('no-versions'))).toEqual([]);
    });

    it('returns a version with its exact bytes, and null for an unknown one', async () => {
      const name = newDocName('version-get');
      const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
      const saved = entry('v-bytes', false, '{"label":"ร่างแผน"}');
      await store.saveVersion(name, saved, everyByte);
      const got = await store.getVersion(name, 'v-bytes');
      expect(got?.entry).toEqual(saved);
      expect(Buffer.from(got!.data).equals(Buffer.from(everyByte))).toBe(true);
      expect(await store.getVersion(name, 'missing')).toBeNull();
      expect(await store.getVersion(newDocName('other'), 'v-bytes')).toBeNull();
    });

    it('refuses to save a version id twice, keeping the first', async () => {
      const name = newDocName('version-twice');
      await store.saveVersion(name, entry('v', false), bytes('first'));
      await expect(store.saveVersion(name, entry('v', false), bytes('second'))).rejects.toThrow();
      expect(new TextDecoder().decode((await store.getVersion(name, 'v'))!.data)).toBe('first');
      expect(await store.listVersions(name)).toHaveLength(1);
    });

    it('deletes one version, leaving the others and the document alone', async () => {
      const name = newDocName('version-delete');
      await store.appendUpdates(name, [smallUpdate('kept')]);
      await store.saveVersion(name, entry('a', false), bytes('a'));
      await store.saveVersion(name, entry('b', true), bytes('b'));
      expect(await store.deleteVersion(name, 'a')).toBe(true);
      expect(await store.deleteVersion(name, 'a')).toBe(false);
      expect((await store.listVersions(name)).map((v) => v.id)).toEqual(['b']);
      expect(await store.getVersion(name, 'a')).toBeNull();
      expect((await load(store, name)).logLength).toBe(1);
    });

    it('prunes the oldest automatic versions first past the limit, named ones only past the hard cap', async () => {
      const name = newDocName('version-retention');
      const retention = { keep: 4, hardCap: 6 };
      // named n1, auto a1, auto a2, named n2, auto a3: five versions, one over `keep`.
      const plan: [string, boolean][] = [
        ['n1', false],
        ['a1', true],
        ['a2', true],
        ['n2', false],
        ['a3', true]
      ];
      const prunedAll: string[] = [];
      for (const [id, auto] of plan) prunedAll.push(...(await store.saveVersion(name, entry(id, auto), bytes(id), retention)).pruned);
      expect(prunedAll).toEqual(['a1']);
      expect((await store.listVersions(name)).map((v) => v.id)).toEqual(['a3', 'n2', 'a2', 'n1']);
      // Named versions only: they pass `keep` (automatic ones go instead) until the hard cap.
      for (const id of ['n3', 'n4']) await store.saveVersion(name, entry(id, false), bytes(id), retention);
      expect((await store.listVersions(name)).map((v) => v.id)).toEqual(['n4', 'n3', 'n2', 'n1']);
      expect((await store.saveVersion(name, entry('n5', false), bytes('n5'), retention)).pruned).toEqual([]);
      expect((await store.saveVersion(name, entry('n6', false), bytes('n6'), retention)).pruned).toEqual([]);
      expect((await store.saveVersion(name, entry('n7', false), bytes('n7'), retention)).pruned).toEqual(['n1']);
      expect((await store.listVersions(name)).map((v) => v.id)).toEqual(['n7', 'n6', 'n5', 'n4', 'n3', 'n2']);
      expect(await store.getVersion(name, 'n1')).toBeNull();
    });

    it('keeps the documented default retention: 200 versions, automatic ones pruned first', async () => {
      const name = newDocName('version-default');
      await store.saveVersion(name, entry('named-first', false), bytes('n'));
      for (let i = 0; i < 200; i++) await store.saveVersion(name, entry(`auto-${i}`, true), bytes(String(i)));
      const listed = await store.listVersions(name);
      expect(listed).toHaveLength(200);
      expect(listed.at(-1)!.id).toBe('named-first');
      expect(listed.some((v) => v.id === 'auto-0')).toBe(false);
    });

    it('shows versions saved by one instance to another, and applies retention under racing saves', async () => {
      const name = newDocName('version-race');
      const other = await open();
      const retention = { keep: 10, hardCap: 20 };
      await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? store : other).saveVersion(name, entry(`r${i}`, true), bytes(`r${i}`), retention)));
      const listed = await other.listVersions(name);
      expect(listed).toHaveLength(10);
      for (const v of listed) expect(new TextDecoder().decode((await store.getVersion(name, v.id))!.data)).toBe(v.id);
    });

    it('shows everything to a reopened store', async () => {
      const name = newDocName('reopen');
      const key = newDocName('reopen-meta');
      const first = await harness.open();
      const doc = new Y.Doc();
      const updates = recordUpdates(doc);
      doc.getText('t').insert(0, 'before compaction');
      await first.appendUpdates(name, updates.splice(0));
      await first.compact(name);
      doc.getText('t').insert(0, 'after compaction, ');
      await first.appendUpdates(name, updates.splice(0));
      await first.setMeta(key, 'kept');
      await first.close();

      const reopened = await open();
      const stored = await load(reopened, name);
      expect(stored.logLength).toBe(1);
      expect(docFrom(stored.updates).getText('t').toString()).toBe('after compaction, before compaction');
      expect(await reopened.getMeta(key)).toBe('kept');
    });

    runOperationsContract(() => store, open);
    runRecordsContract(() => store, open);
  });
};
