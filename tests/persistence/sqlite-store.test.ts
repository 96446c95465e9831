import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_FILE_NAME, SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import { openSqlite } from '@plenary/server/persistence/sqlite-driver.ts';
import { availableSqliteDrivers } from './fixtures/sqlite-drivers.ts';
import { runStoreContract } from './store-contract.ts';

/** A DATA_DIR that does not exist yet (the store creates it); removeDataDir removes its temp root. */
const newDataDir = async () => join(await mkdtemp(join(tmpdir(), 'plenary-sqlite-')), 'nested', 'data');
const removeDataDir = (dataDir: string) => rm(join(dataDir, '..', '..'), { recursive: true, force: true });

/** Bytes this process has read through system calls so far (Linux), SQLite's page reads among them. */
const bytesRead = (): number => Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);

/** A board whose state is one text of `chars` random letters (random, so no layer can shrink it). */
const largeBoard = (chars: number): Uint8Array => {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, Array.from({ length: chars }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(''));
  return Y.encodeStateAsUpdate(doc);
};

// On every SQLite library this Node can load: node:sqlite on Node 22.13+, better-sqlite3 where its
// addon was built for this Node (Node 20's install builds it; Node 24 needs none).
for (const driver of availableSqliteDrivers) {
  runStoreContract(`sqlite (${driver})`, async () => {
    const dataDir = await newDataDir();
    return {
      open: async () => new SqliteStore({ dataDir, driver }),
      cleanup: () => removeDataDir(dataDir)
    };
  });

  describe(`sqlite store file (${driver})`, () => {
    it('creates DATA_DIR and writes one database file in WAL mode', async () => {
      const dataDir = await newDataDir();
      const store = new SqliteStore({ dataDir, driver });
      try {
        await store.appendUpdates('board', [Uint8Array.from([1])]);
        expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
        expect(existsSync(join(dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(true);
      } finally {
        await store.close();
        await removeDataDir(dataDir);
      }
    });

    it('commits the appends of one turn together, not one commit per document', async () => {
      const dataDir = await newDataDir();
      const store = new SqliteStore({ dataDir, driver });
      const wal = join(dataDir, `${SQLITE_FILE_NAME}-wal`);
      const boards = Array.from({ length: 16 }, (_, i) => `board-${i}`);
      const edit = Uint8Array.from({ length: 60 }, (_, i) => i);
      /** Bytes the write-ahead log grew by: every commit adds the pages it changed, whatever they hold. */
      const walGrowth = async (write: () => Promise<unknown>) => {
        const before = statSync(wal).size;
        await write();
        return statSync(wal).size - before;
      };
      try {
        for (const b of boards) await store.appendUpdates(b, [edit]);
        const oneByOne = await walGrowth(async () => {
          for (const b of boards) await store.appendUpdates(b, [edit]);
        });
        const oneTurn = await walGrowth(() => Promise.all(boards.map((b) => store.appendUpdates(b, [edit]))));
        // Sixteen commits of the same few pages against one: about a tenth of the bytes.
        expect(oneTurn).toBeGreaterThan(0);
        expect(oneTurn).toBeLessThan(oneByOne / 4);
        for (const b of boards) expect((await store.loadDoc(b))?.logLength).toBe(3);
      } finally {
        await store.close();
        await removeDataDir(dataDir);
      }
    });

    it('deletes a board whose append was asked for just before, in the same turn (its queued appends go first)', async () => {
      const dataDir = await newDataDir();
      const store = new SqliteStore({ dataDir, driver });
      try {
        const appended = store.appendUpdates('board', [Uint8Array.from([1, 2, 3])]);
        await store.deleteDoc('board');
        await appended;
        expect(await store.loadDoc('board')).toBeNull();
      } finally {
        await store.close();
        await removeDataDir(dataDir);
      }
    });

    it('fails every append of a turn whose commit fails, writing none of them, and writes again the next turn', async () => {
      const dataDir = await newDataDir();
      const store = new SqliteStore({ dataDir, driver });
      // Another process on the same file refuses one board's appends (a trigger), as a full disk
      // or a lock held too long would refuse the whole commit.
      const other = openSqlite(join(dataDir, SQLITE_FILE_NAME), { driver, busyTimeoutMs: 1000 });
      const edit = (n: number) => Uint8Array.from([n]);
      try {
        await store.appendUpdates('kept', [edit(1)]);
        other.exec("CREATE TRIGGER refuse AFTER INSERT ON log WHEN NEW.doc = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        const turn = await Promise.allSettled([store.appendUpdates('kept', [edit(2)]), store.appendUpdates('refused', [edit(3)])]);
        expect(turn.map((r) => r.status)).toEqual(['rejected', 'rejected']);
        // Nothing of the failed turn is stored, so the rooms' retries write each edit once.
        expect((await store.loadDoc('kept'))?.logLength).toBe(1);
        expect(await store.loadDoc('refused')).toBeNull();
        other.exec('DROP TRIGGER refuse');
        const again = await Promise.all([store.appendUpdates('kept', [edit(2)]), store.appendUpdates('refused', [edit(3)])]);
        expect(again).toEqual([
          { logLength: 2, bytes: 2 },
          { logLength: 1, bytes: 1 }
        ]);
      } finally {
        other.close();
        await store.close();
        await removeDataDir(dataDir);
      }
    });

    it('looks a document up without reading the large snapshots beside it', async () => {
      const dataDir = await newDataDir();
      const large = 4 * 1024 * 1024;
      const writer = new SqliteStore({ dataDir, driver });
      try {
        await writer.appendUpdates('board', [largeBoard(large)]);
        await writer.compact('board');
      } finally {
        await writer.close();
      }
      // A store opened afresh (nothing cached) finds a document on either side of the board.
      const store = new SqliteStore({ dataDir, driver });
      try {
        const before = bytesRead();
        expect(await store.loadDoc('a-control-document')).toBeNull();
        expect(await store.loadDoc('z-control-document')).toBeNull();
        // Without rowids SQLite read the board's whole payload to compare keys, twice: 8 MB.
        expect(bytesRead() - before).toBeLessThan(large / 8);
        expect((await store.loadDoc('board'))?.bytes).toBeGreaterThan(large);
      } finally {
        await store.close();
        await removeDataDir(dataDir);
      }
    });

    it('moves the snapshots of a file written without rowids into a rowid table, once, losing nothing', async () => {
      const dataDir = await newDataDir();
      const board = largeBoard(100_000);
      const edit = Y.encodeStateAsUpdate(new Y.Doc());
      const file = join(dataDir, SQLITE_FILE_NAME);
      mkdirSync(dataDir, { recursive: true });
      // The layout stores had before: the snapshot table WITHOUT ROWID.
      const seed = openSqlite(file, { driver, busyTimeoutMs: 0 });
      seed.exec('CREATE TABLE snapshot (doc TEXT PRIMARY KEY, data BLOB NOT NULL, upto INTEGER NOT NULL) WITHOUT ROWID');
      seed.prepare<[string, Buffer, number]>('INSERT INTO snapshot (doc, data, upto) VALUES (?, ?, ?)').run('board', Buffer.from(board), 0);
      seed.close();
      const snapshotTableSql = () => {
        const db = openSqlite(file, { driver, busyTimeoutMs: 1000 });
        try {
          return db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'snapshot'").get()?.sql;
        } finally {
          db.close();
        }
      };
      try {
        expect(snapshotTableSql()).toMatch(/WITHOUT\s+ROWID/i);
        for (const expectedLog of [1, 2]) {
          const store = new SqliteStore({ dataDir, driver });
          try {
            await store.appendUpdates('board', [edit]);
            const stored = await store.loadDoc('board');
            expect(stored?.snapshotParts).toBe(1);
            expect(Buffer.from(stored!.updates[0]!)).toEqual(Buffer.from(board));
            expect(stored?.logLength).toBe(expectedLog);
          } finally {
            await store.close();
          }
          expect(snapshotTableSql()).not.toMatch(/WITHOUT\s+ROWID/i);
        }
      } finally {
        await removeDataDir(dataDir);
      }
    });

    it('refuses to back up onto its own database file or restore from it, and loses nothing', async () => {
      const dataDir = await newDataDir();
      const store = new SqliteStore({ dataDir, driver });
      const file = join(dataDir, SQLITE_FILE_NAME);
      try {
        const update = largeBoard(100);
        await store.appendUpdates('board', [update]);
        for (const own of [file, `${file}-wal`, join(dataDir, '.', SQLITE_FILE_NAME)]) {
          await expect(store.restore(own)).rejects.toThrow(/own database file/);
          await expect(store.backup(own)).rejects.toThrow(/own database file/);
        }
        expect((await store.loadDoc('board'))?.updates).toEqual([update]);
      } finally {
        await store.close();
        await removeDataDir(dataDir);
      }
    });

    it('never loses appends another process makes while this one compacts', async () => {
      const dataDir = await newDataDir();
      const store = new SqliteStore({ dataDir, driver });
      const total = 1_500;
      try {
        const appender = spawn(
          process.execPath,
          ['--import', 'tsx', fileURLToPath(new URL('./fixtures/sqlite-appender.ts', import.meta.url)), dataDir, 'board', String(total), driver],
          { stdio: ['ignore', 'inherit', 'inherit'] }
        );
        let running = true;
        const exited = new Promise<number | null>((resolve) =>
          appender.once('exit', (code) => {
            running = false;
            resolve(code);
          })
        );
        let compactions = 0;
        while (running) {
          if ((await store.compact('board')).compacted && (await store.loadDoc('board')) !== null) compactions++;
          await new Promise((r) => setTimeout(r, 2));
        }
        expect(await exited).toBe(0);
        expect(compactions).toBeGreaterThan(0);

        await store.compact('board');
        const stored = await store.loadDoc('board');
        expect(stored?.logLength).toBe(0);
        const doc = new Y.Doc();
        for (const u of stored?.updates ?? []) Y.applyUpdate(doc, u);
        expect(doc.getArray('items').toArray()).toEqual(Array.from({ length: total }, (_, i) => i));
      } finally {
        await store.close();
        await removeDataDir(dataDir);
      }
    });
  });
}
