/**
 * The records part of the store contract (store.ts StoreRecords): append-only lists of small
 * JSON strings, as the follow-up keeps its progress updates. Run by store-contract.ts on every store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '@plenary/server/persistence/store.ts';
import { newDocName } from './contract-helpers.ts';

export const runRecordsContract = (current: () => Store, open: () => Promise<Store>) => {
  describe('records', () => {
    it('keeps records in append order, exactly, and lists nothing for an unknown list', async () => {
      const store = current();
      const list = newDocName('records');
      expect(await store.listRecords(list)).toEqual([]);
      const values = ['{"a":1}', 'ไทย · Tiếng Việt · 中文', '', 'line\nbreak', `{"x":"${'y'.repeat(5000)}"}`];
      for (const [i, v] of values.entries()) expect(await store.appendRecord(list, v, 100)).toBe(i + 1);
      expect(await store.listRecords(list)).toEqual(values);
      // A list name with key syntax reaches no other list.
      expect(await store.listRecords(`${list}}:x{`)).toEqual([]);
    });

    it('refuses an append past the cap, also when instances append at once', async () => {
      const list = newDocName('records-cap');
      const [a, b] = [current(), await open()];
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).appendRecord(list, String(i), 12)));
      expect(results.filter((r) => r !== null)).toHaveLength(12);
      expect(results.filter((r) => r === null)).toHaveLength(18);
      expect(await a.listRecords(list)).toHaveLength(12);
      expect(await a.appendRecord(list, 'late', 12)).toBeNull();
    });

    it("shows one instance's records to another and deletes a list alone", async () => {
      const [list, other] = [newDocName('records-del'), newDocName('records-keep')];
      const store = current();
      const second = await open();
      await store.appendRecord(list, 'one', 10);
      await second.appendRecord(list, 'two', 10);
      await store.appendRecord(other, 'kept', 10);
      expect(await second.listRecords(list)).toEqual(['one', 'two']);
      expect(await second.deleteRecords(list)).toBe(2);
      expect(await store.listRecords(list)).toEqual([]);
      expect(await store.listRecords(other)).toEqual(['kept']);
      expect(await store.deleteRecords(list)).toBe(0);
    });

    it('backs records up and restores them, dropping those appended after the backup', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'plenary-records-backup-'));
      try {
        const store = current();
        const list = newDocName('records-backup');
        await store.appendRecord(list, 'before', 10);
        const file = join(dir, 'store.backup');
        await store.backup(file);
        await store.appendRecord(list, 'after', 10);
        await (await open()).restore(file);
        expect(await store.listRecords(list)).toEqual(['before']);
        expect(await store.appendRecord(list, 'again', 10)).toBe(2);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
};
