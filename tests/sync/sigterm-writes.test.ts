/**
 * SIGTERM (a deploy, Ctrl-C) writes everything and exits 0. The server is given a long tick so
 * that the accepted edits are still only in memory when the signal arrives: only the shutdown
 * drain can have written them. On both stores.
 */
import { afterAll, expect, it } from 'vitest';
import { connectClient } from '../utils/clients.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { metricValue } from '../utils/metrics.ts';
import { waitFor } from '../utils/wait.ts';
import { STORE_KINDS } from './support/stores.ts';

const N = 25;

const updatesReceived = (server: PlenaryServer): Promise<number> => metricValue(server, 'plenary_updates_received_total');

for (const store of STORE_KINDS) {
  store.describe(`SIGTERM on the ${store.name} store`, () => {
    let server: PlenaryServer | undefined;
    afterAll(async () => {
      await server?.close();
      await store.cleanup();
    });

    it('writes every accepted edit, closes connections with 1001 and exits 0', async () => {
      server = await startServer({ env: { ...store.env('sigterm'), TICK_MS: '30000', UNLOAD_GRACE_MS: '60000' } });
      const workshop = await server.createWorkshop({ title: 'Shutdown', themes: ['Culture'] });
      const board = workshop.boards[0]!.id;
      const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
      try {
        await a.synced();
        for (let i = 0; i < N; i++) a.doc.getMap('testCards').set(`card-${i}`, { title: `Exchange ${i}` });
        await waitFor(async () => (await updatesReceived(server!)) >= N, 10_000, `the server to accept ${N} updates`);
        const exit = await server.kill('SIGTERM');
        expect(exit).toEqual({ code: 0, signal: null });
        await waitFor(() => a.closes.length > 0, 5_000, 'the client to see the close');
        expect(a.closes[0]!.code).toBe(1001);
        expect(server.jsonLogs().some((l) => l.msg === 'stopped')).toBe(true);
      } finally {
        a.destroy();
      }

      await server.restart();
      const fresh = connectClient(server.syncBase, board, workshop.tokens.delegate);
      try {
        await fresh.synced();
        expect(fresh.doc.getMap('testCards').size).toBe(N);
      } finally {
        fresh.destroy();
      }
    });
  });
}
