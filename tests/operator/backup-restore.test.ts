/**
 * `pnpm plenary backup` and `restore` on both stores: a backup taken while the server runs, the
 * workshop then deleted, the backup restored (refused over a store holding workshops unless
 * --force), and a real server started on the restored data serves the board: a y-websocket client
 * reads the card written before the backup, with the token handed out before it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBoard } from '@plenary/shared/schema';
import type { Store } from '@plenary/server/persistence/store.ts';
import { connectClient } from '../utils/clients.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { createCityWorkshop } from '../facilitation/support.ts';
import { openStore, STORE_KINDS } from '../sync/support/stores.ts';
import { populateWorkshop, runCli, runJson, storeEnv } from './support.ts';

/** Each CLI run is a Node process starting tsx: on a busy machine this test runs several minutes. */
const SLOW = 600_000;

for (const kind of STORE_KINDS) {
  kind.describe(`operator CLI on ${kind.name}: backup and restore`, () => {
    let server: PlenaryServer;
    let store: Store;
    let dir: string;
    beforeAll(async () => {
      server = await startServer({ env: kind.env('operator-backup') });
      store = await openStore(server);
      dir = await mkdtemp(join(tmpdir(), 'plenary-operator-backup-'));
    });
    afterAll(async () => {
      await store?.close();
      await server?.close();
      await kind.cleanup();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it(
      'restores a deleted workshop from an online backup, and a server on the restored data serves its board',
      async () => {
        const env = storeEnv(server);
        const kept = await populateWorkshop(server, store, 'Night market on the river');
        const other = await createCityWorkshop(server);
        const file = join(dir, `plenary-${kind.name}.backup`);

        // Online: the server keeps running.
        const backup = await runJson<{ items: number; bytes: number }>(env, ['backup', file]);
        expect(backup.code).toBe(0);
        expect(backup.body.items).toBeGreaterThan(0);
        expect((await runCli(env, ['backup', file])).code).toBe(1);

        expect((await server.kill('SIGTERM')).code).toBe(0);
        expect((await runCli(env, ['delete', kept.workshop.id, '--yes'])).code).toBe(0);
        expect(await store.getMeta(`workshop:${kept.workshop.id}`)).toBeNull();
        expect(await store.loadDoc(kept.board)).toBeNull();

        // Another workshop is still stored: a restore would replace it, so it needs --force.
        const refused = await runCli(env, ['restore', file]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('not empty');
        expect(await store.getMeta(`workshop:${kept.workshop.id}`)).toBeNull();
        expect((await runCli(env, ['restore', file, '--force'])).code).toBe(0);
        expect(await store.getMeta(`workshop:${other.id}`)).not.toBeNull();

        await server.restart();
        const client = connectClient(server.syncBase, kept.board, kept.workshop.tokens.delegate);
        try {
          await client.synced();
          await waitFor(() => JSON.stringify(readBoard(client.doc)).includes('Night market on the river'), 10_000, 'the restored card');
          expect(client.closes).toEqual([]);
        } finally {
          client.destroy();
        }
        expect((await store.listVersions(kept.board)).map((v) => v.id)).toContain(kept.versionId);
      },
      SLOW
    );
  });
}
