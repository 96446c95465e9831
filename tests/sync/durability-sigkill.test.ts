/**
 * Durability: an update the server accepted is stored within 100 ms. Client A makes N edits,
 * client B has seen all N, both leave; 250 ms later the server is killed with SIGKILL and
 * restarted; a fresh client with no local state sees all N. On both stores.
 */
import { afterAll, expect, it } from 'vitest';
import { connectClient } from '../utils/clients.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { elapse, waitFor } from '../utils/wait.ts';
import { STORE_KINDS } from './support/stores.ts';

const N = 60;
/** The durability promise: "both clients leave; 250 ms later the server is killed". */
const KILL_AFTER_MS = 250;

for (const store of STORE_KINDS) {
  store.describe(`durability on the ${store.name} store`, () => {
    let server: PlenaryServer | undefined;
    afterAll(async () => {
      await server?.close();
      await store.cleanup();
    });

    it(`keeps all ${N} edits a second client saw through a SIGKILL ${KILL_AFTER_MS} ms after both left`, async () => {
      // A long grace period: the document must be durable because it was accepted, not because it unloaded.
      server = await startServer({ env: { ...store.env('durability'), UNLOAD_GRACE_MS: '60000' } });
      const workshop = await server.createWorkshop({ title: 'Durability', themes: ['Environment'] });
      const board = workshop.boards[0]!.id;
      const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
      const b = connectClient(server.syncBase, board, workshop.tokens.delegate);
      await Promise.all([a.synced(), b.synced()]);
      const items = a.doc.getArray<string>('actions');
      for (let i = 0; i < N; i++) {
        items.push([`action ${i}`]);
        // Spread the edits over many server ticks (several store writes), as typing does.
        if (i % 5 === 4) await elapse(3);
      }
      await waitFor(() => b.doc.getArray('actions').length === N, 10_000, `B to see all ${N} edits`);
      a.destroy();
      b.destroy();
      await elapse(KILL_AFTER_MS);
      const exit = await server.kill('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');

      await server.restart();
      const fresh = connectClient(server.syncBase, board, workshop.tokens.observer);
      try {
        await fresh.synced();
        expect(fresh.doc.getArray('actions').toArray()).toEqual(Array.from({ length: N }, (_, i) => `action ${i}`));
      } finally {
        fresh.destroy();
      }
    });
  });
}
