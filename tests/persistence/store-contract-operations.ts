/**
 * The store contract's operations part (the operator CLI, retention, read-ahead): sizes, last
 * writes, the boards active lately, meta listing and removal, backups. Run by runStoreContract on every store, with its store.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '@plenary/server/persistence/store.ts';
import { bytes, docFrom, entry, load, newDocName, recordUpdates, smallUpdate } from './contract-helpers.ts';

/** `current()` is the contract's store (opened in its beforeAll); `open()` opens another on the same storage. */
export const runOperationsContract = (current: () => Store, open: () => Promise<Store>) => {
  describe('operations', () => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });
    /** Waits until the clock has moved past `iso`, so a later write has a later time. */
    const clockPast = async (iso: string) => {
      while (Date.now() <= Date.parse(iso) + 2) await new Promise((r) => setTimeout(r, 2));
    };

    it("reports a document's bytes, versions and last write; null for one never stored", async () => {
      expect(await store.docInfo(newDocName('info-none'))).toBeNull();
      const name = newDocName('info');
      const before = Date.now();
      const a = smallUpdate('first');
      await store.appendUpdates(name, [a]);
      const first = await store.docInfo(name);
      expect(first).toMatchObject({ bytes: a.byteLength, versions: 0, versionBytes: 0 });
      const at1 = Date.parse(first!.lastWriteAt!);
      expect(at1).toBeGreaterThanOrEqual(before - 1000);
      expect(at1).toBeLessThanOrEqual(Date.now() + 1000);

      await clockPast(first!.lastWriteAt!);
      const b = smallUpdate('second');
      await store.appendUpdates(name, [b]);
      await store.compact(name);
      const second = await store.docInfo(name);
      expect(second!.bytes).toBe((await load(store, name)).bytes);
      expect(Date.parse(second!.lastWriteAt!)).toBeGreaterThan(at1);

      await clockPast(second!.lastWriteAt!);
      await store.saveVersion(name, entry('v1', false), bytes('twelve bytes'));
      const third = await store.docInfo(name);
      expect(third).toMatchObject({ versions: 1, versionBytes: 12 });
      expect(Date.parse(third!.lastWriteAt!)).toBeGreaterThan(Date.parse(second!.lastWriteAt!));

      await store.deleteDoc(name);
      await store.deleteVersion(name, 'v1');
      expect(await store.docInfo(name)).toBeNull();
    });

    it('lists the documents written since a moment, newest first, up to a limit, without deleted ones, from every instance', async () => {
      const old = newDocName('recent-old');
      await store.appendUpdates(old, [smallUpdate('before')]);
      const since = new Date(Date.now() + 5);
      while (Date.now() <= since.getTime() + 2) await new Promise((r) => setTimeout(r, 2));
      const names = ['a', 'b', 'c'].map((n) => newDocName(`recent-${n}`));
      for (const name of names) {
        await store.appendUpdates(name, [smallUpdate(name)]);
        const at = Date.now();
        while (Date.now() <= at + 2) await new Promise((r) => setTimeout(r, 2));
      }
      const [a, b, c] = names as [string, string, string];
      expect(await store.recentlyActive(since, 10)).toEqual([c, b, a]);
      expect(await store.recentlyActive(since, 2)).toEqual([c, b]);
      expect(await store.recentlyActive(new Date(since.getTime() - 60_000), 100)).toContain(old);
      await store.deleteDoc(b);
      const other = await open();
      try {
        expect(await other.recentlyActive(since, 10)).toEqual([c, a]);
      } finally {
        await other.close();
      }
      for (const name of [old, a, c]) await store.deleteDoc(name);
    });

    it('counts a document held open as active now, without moving its last write, from every instance; a deleted one is forgotten', async () => {
      const watched = newDocName('open-watched');
      const quiet = newDocName('open-quiet');
      await store.appendUpdates(watched, [smallUpdate('written first')]);
      await store.appendUpdates(quiet, [smallUpdate('written second')]);
      const written = (await store.docInfo(watched))!.lastWriteAt!;
      // A store notes a write's time by its own clock, up to the moment the append returns (Redis
      // after the append's reply, later than the entry's own time): `since` is after both returned.
      await clockPast(new Date().toISOString());
      const since = new Date();
      await clockPast(since.toISOString());
      // Nothing written since: neither is active.
      expect(await store.recentlyActive(since, 10)).toEqual([]);

      await store.noteOpen([watched]);
      await store.noteOpen([]);
      expect(await store.recentlyActive(since, 10)).toEqual([watched]);
      expect((await store.docInfo(watched))!.lastWriteAt).toBe(written);
      // One written after it was noted open comes first; noted open again, it is first again, once.
      await clockPast(new Date().toISOString());
      const later = newDocName('open-later');
      await store.appendUpdates(later, [smallUpdate('written after')]);
      const other = await open();
      try {
        expect(await other.recentlyActive(since, 10)).toEqual([later, watched]);
        await clockPast(new Date().toISOString());
        await other.noteOpen([watched, later]);
        await clockPast(new Date().toISOString());
        await other.noteOpen([watched]);
        expect(await store.recentlyActive(since, 10)).toEqual([watched, later]);
        expect(await store.recentlyActive(since, 1)).toEqual([watched]);
      } finally {
        await other.close();
      }
      await store.deleteDoc(watched);
      expect(await store.recentlyActive(since, 10)).toEqual([later]);
      for (const name of [quiet, later]) await store.deleteDoc(name);
    });

    it('lists meta records by prefix exactly (no wildcards in keys or prefix), and deletes only the named ones', async () => {
      const p = newDocName('list%_*?[');
      await store.setMeta(`${p}:a`, '1');
      await store.setMeta(`${p}:b*`, '2');
      await store.setMeta(`${p}:`, '3');
      await store.setMeta(`${p}x:c`, 'not under the prefix');
      await store.setMeta(`${p.replace('%', 'X')}:d`, 'a LIKE would match this one');
      const listed = (await store.listMeta(`${p}:`)).sort((x, y) => x.key.localeCompare(y.key));
      expect(listed).toEqual([
        { key: `${p}:`, value: '3' },
        { key: `${p}:a`, value: '1' },
        { key: `${p}:b*`, value: '2' }
      ]);
      expect(await store.deleteMeta([`${p}:a`, `${p}:b*`, `${p}:never-set`])).toBe(2);
      expect(await store.getMeta(`${p}:a`)).toBeNull();
      expect(await store.getMeta(`${p}:`)).toBe('3');
      expect(await store.getMeta(`${p}x:c`)).toBe('not under the prefix');
      expect(await store.deleteMeta([])).toBe(0);
    });

    it('backs up while in use and restores exactly what was stored, removing what came after', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'plenary-backup-'));
      try {
        const name = newDocName('backup');
        const later = newDocName('backup-later');
        const key = newDocName('backup-meta');
        const doc = new Y.Doc();
        const updates = recordUpdates(doc);
        doc.getText('t').insert(0, 'compacted ');
        await store.appendUpdates(name, updates.splice(0));
        await store.compact(name);
        doc.getText('t').insert(10, 'and logged');
        await store.appendUpdates(name, updates.splice(0));
        await store.saveVersion(name, entry('kept', false), bytes('version bytes'));
        await store.setMeta(key, 'before');
        const infoBefore = await store.docInfo(name);

        const file = join(dir, 'store.backup');
        const written = await store.backup(file);
        expect(written.items).toBeGreaterThan(0);
        expect(written.bytes).toBeGreaterThan(0);

        await store.deleteDoc(name);
        await store.deleteVersion(name, 'kept');
        await store.setMeta(key, 'after');
        await store.appendUpdates(later, [smallUpdate('after the backup')]);

        // Restored through another instance: every instance sees the restored data.
        const other = await open();
        await other.restore(file);
        expect(
          docFrom((await load(store, name)).updates)
            .getText('t')
            .toString()
        ).toBe('compacted and logged');
        expect(new TextDecoder().decode((await store.getVersion(name, 'kept'))!.data)).toBe('version bytes');
        expect(await store.getMeta(key)).toBe('before');
        expect(await store.loadDoc(later)).toBeNull();
        expect(await store.docInfo(name)).toEqual(infoBefore);
        // The restored document keeps working: appends and compaction go on from it.
        await store.appendUpdates(name, [smallUpdate('after restore')]);
        expect((await store.compact(name)).compacted).toBe(true);

        const junk = join(dir, 'junk');
        await writeFile(junk, 'not a backup\n');
        await expect(other.restore(junk)).rejects.toThrow(/not a/);
        expect(await store.getMeta(key)).toBe('before');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
};
