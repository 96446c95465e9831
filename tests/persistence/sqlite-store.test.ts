import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_FILE_NAME, SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import { availableSqliteDrivers } from './fixtures/sqlite-drivers.ts';
import { runStoreContract } from './store-contract.ts';

/** A DATA_DIR that does not exist yet (the store creates it); removeDataDir removes its temp root. */
const newDataDir = async () => join(await mkdtemp(join(tmpdir(), 'plenary-sqlite-')), 'nested', 'data');
const removeDataDir = (dataDir: string) => rm(join(dataDir, '..', '..'), { recursive: true, force: true });

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
