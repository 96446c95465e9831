/**
 * The embedded store's checkpoints run in a thread (server/src/persistence/sqlite-checkpoints.ts):
 * the store's own commits never copy the write-ahead log into the file, a checkpoint leaves the
 * event loop free while it runs, and closing the store leaves one file with everything in it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME, SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import { LogIndex, SqliteCheckpoints } from '@plenary/server/persistence/sqlite-checkpoints.ts';
import { openSqlite } from '@plenary/server/persistence/sqlite-driver.ts';
import { availableSqliteDrivers } from './fixtures/sqlite-drivers.ts';

const HOUR_MS = 3_600_000;
/** More than SQLite's own checkpoint point (1,000 pages of 4 KiB), so a commit would have checkpointed. */
const LOG_BYTES = 8 * 1024 * 1024;
/** Appends of random bytes (nothing can shrink them), `LOG_BYTES` in all. */
const appends = (count: number) => Array.from({ length: count }, () => Uint8Array.from(randomBytes(LOG_BYTES / count)));

/**
 * POSIX locks this process holds on `file` (Linux's /proc/locks: pid, then device:inode). SQLite
 * holds one on the log's index for as long as a connection has the database open.
 */
const locksHeldOn = (file: string): number => {
  const inode = statSync(file).ino;
  return readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[1] === 'POSIX' && Number(f[4]) === process.pid && Number(f[5]?.split(':')[2]) === inode).length;
};

const withDir = async (fn: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'plenary-checkpoints-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

for (const driver of availableSqliteDrivers) {
  describe(`SQLite checkpoints (${driver})`, () => {
    it("leaves the store's own commits without a checkpoint, and the file whole when the store closes", async () => {
      await withDir(async (dataDir) => {
        const file = join(dataDir, SQLITE_FILE_NAME);
        const store = new SqliteStore({ dataDir, driver, checkpoints: { everyMs: HOUR_MS } });
        const before = statSync(file).size;
        const updates = appends(16);
        await Promise.all(updates.map((u, i) => store.appendUpdates(`board-${i}`, [u])));
        // Everything is in the write-ahead log; SQLite's own checkpoint would have copied it into the file by now.
        expect(statSync(`${file}-wal`).size).toBeGreaterThan(LOG_BYTES);
        expect(statSync(file).size - before).toBeLessThan(LOG_BYTES / 8);
        await store.close();
        // The store's connection was the file's last: the log was folded in and removed.
        expect(existsSync(`${file}-wal`)).toBe(false);
        expect(statSync(file).size).toBeGreaterThan(LOG_BYTES);
        const reopened = new SqliteStore({ dataDir, driver, checkpoints: { everyMs: HOUR_MS } });
        try {
          expect((await reopened.loadDoc('board-3'))?.updates).toEqual([updates[3]]);
        } finally {
          await reopened.close();
        }
      });
    });

    it('checkpoints on its own while the store is written, in a thread the event loop does not wait for', async () => {
      await withDir(async (dataDir) => {
        const file = join(dataDir, SQLITE_FILE_NAME);
        const store = new SqliteStore({ dataDir, driver, checkpoints: { everyMs: 50 } });
        const index = new LogIndex(`${file}-shm`);
        try {
          const before = statSync(file).size;
          await Promise.all(appends(16).map((u, i) => store.appendUpdates(`board-${i}`, [u])));
          // The log's index counts what is left to copy: nothing once the checkpoint is done, so a
          // quiet store checkpoints no more.
          await expect.poll(() => index.uncheckpointedBytes(), { timeout: 10_000 }).toBe(0);
          expect(statSync(file).size - before).toBeGreaterThan(LOG_BYTES);
          await store.appendUpdates('board-0', [Uint8Array.from([1, 2, 3])]);
          expect(index.uncheckpointedBytes()).toBeGreaterThan(0);
          expect(index.uncheckpointedBytes()).toBeLessThan(64 * 1024);
        } finally {
          await store.close();
          index.close();
        }
        // The thread's connection was closed first, so the store's was the last and removed the log.
        expect(existsSync(`${file}-wal`)).toBe(false);
      });
      await withDir(async (dir) => {
        const file = join(dir, 'board.sqlite');
        const db = openSqlite(file, { driver, busyTimeoutMs: 1_000 });
        db.exec('PRAGMA journal_mode = WAL');
        const checkpoints = new SqliteCheckpoints(db, file, { everyMs: HOUR_MS });
        try {
          db.exec('CREATE TABLE t (data BLOB)');
          const insert = db.prepare<[Buffer]>('INSERT INTO t (data) VALUES (?)');
          db.immediate(() => {
            for (let i = 0; i < 64; i++) insert.run(randomBytes((4 * LOG_BYTES) / 64));
          });
          let turns = 0;
          let done = false;
          const checkpointed = checkpoints.run().finally(() => (done = true));
          while (!done) {
            await new Promise((r) => setImmediate(r));
            turns++;
          }
          const result = await checkpointed;
          expect(result?.log).toBeGreaterThan(0);
          expect(result?.checkpointed).toBe(result?.log);
          // Run on the event loop, the checkpoint would have been done before the loop turned once.
          expect(turns).toBeGreaterThan(5);
        } finally {
          await checkpoints.close();
          db.close();
          checkpoints.release();
        }
      });
    });

    it("keeps SQLite's locks on the log's index while it reads the index, so another process opening the file cannot truncate it under this one", async () => {
      await withDir(async (dataDir) => {
        const index = `${join(dataDir, SQLITE_FILE_NAME)}-shm`;
        const store = new SqliteStore({ dataDir, driver, checkpoints: { everyMs: 5 } });
        try {
          await store.appendUpdates('board', [Uint8Array.from([1, 2, 3])]);
          expect(locksHeldOn(index)).toBeGreaterThan(0);
          // Twenty looks at the index later (a descriptor closed after each one dropped them all).
          await new Promise((r) => setTimeout(r, 100));
          expect(locksHeldOn(index)).toBeGreaterThan(0);
          await store.appendUpdates('board', [Uint8Array.from([4, 5, 6])]);
          expect((await store.loadDoc('board'))?.updates).toHaveLength(2);
        } finally {
          await store.close();
        }
      });
    });
  });
}
