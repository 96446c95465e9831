/**
 * A restarted server reads the boards written or held open lately ahead of their people (server/src/
 * sync/read-ahead.ts), on both stores: after a kill -9 the board is read before anyone connects, its
 * first device is answered from what was read, and the board is built only after someone joined;
 * a board nobody comes back to is let go unbuilt after the hold; READ_AHEAD_BOARDS=0 reads nothing.
 * A board only watched (a projector, phones following the plenary) for longer than the window is
 * read ahead too, and one nobody had open is not.
 */
import { afterAll, expect, it } from 'vitest';
import { connectClient } from '../utils/clients.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { elapse, waitFor } from '../utils/wait.ts';
import { STORE_KINDS } from './support/stores.ts';

const CARDS = 12;

for (const store of STORE_KINDS) {
  store.describe(`reading boards ahead after a restart, on the ${store.name} store`, () => {
    let server: PlenaryServer | undefined;
    afterAll(async () => {
      await server?.close();
      await store.cleanup();
    });

    it('reads the board written before a kill -9 ahead, answers its first device from it, builds it only once joined, and lets an unvisited one go', async () => {
      // A loading board is built 300 ms after its read at the latest — unless it waits for its people.
      server = await startServer({ env: { ...store.env('read-ahead'), LOAD_QUIET_MS: '100', LOAD_MAX_DEFER_MS: '300', READ_AHEAD_HOLD_MS: '60000' } });
      const workshop = await server.createWorkshop({ title: 'Read ahead', themes: ['Environment', 'Trade'] });
      const board = workshop.boards[0]!.id;
      const writer = connectClient(server.syncBase, board, workshop.tokens.delegate);
      await writer.synced();
      const actions = writer.doc.getArray<string>('actions');
      for (let i = 0; i < CARDS; i++) actions.push([`action ${i}`]);
      await elapse(300);
      writer.destroy();
      await server.kill('SIGKILL');

      const logs = () => server!.jsonLogs().slice(before);
      let before = server.jsonLogs().length;
      await server.restart();
      const readLine = await waitFor(() => logs().find((l) => l.msg === 'boards read ahead'), 5000, 'the boards read ahead');
      expect(readLine.boards).toBeGreaterThanOrEqual(1);
      // Nobody has joined: well past LOAD_MAX_DEFER_MS, nothing is built.
      await elapse(800);
      expect(logs().some((l) => l.msg === 'document loaded' && l.doc === board)).toBe(false);

      const fresh = connectClient(server.syncBase, board, workshop.tokens.observer);
      try {
        await fresh.synced();
        expect(fresh.doc.getArray('actions').toArray()).toEqual(Array.from({ length: CARDS }, (_, i) => `action ${i}`));
        const loaded = await waitFor(() => logs().find((l) => l.msg === 'document loaded' && l.doc === board), 5000, 'the board built after the join');
        // Its first device was answered from the bytes read ahead, before the board was built.
        expect(loaded.answeredEarly).toBe(1);
      } finally {
        fresh.destroy();
      }

      // With a short hold, a board nobody joins is let go without being built.
      server.env.READ_AHEAD_HOLD_MS = '300';
      await server.kill('SIGKILL');
      before = server.jsonLogs().length;
      await server.restart();
      await waitFor(() => logs().find((l) => l.msg === 'board read ahead and not joined: let go' && l.doc === board), 5000, 'the unvisited board let go');
      expect(logs().some((l) => l.msg === 'document loaded' && l.doc === board)).toBe(false);

      // Turned off: nothing is read before someone asks.
      server.env.READ_AHEAD_BOARDS = '0';
      await server.kill('SIGKILL');
      before = server.jsonLogs().length;
      await server.restart();
      await elapse(500);
      expect(logs().some((l) => l.msg === 'boards read ahead' || l.msg === 'board read ahead and not joined: let go')).toBe(false);
    });

    it('reads ahead a board that was only watched for longer than the window, and not the board nobody had open', async () => {
      await server?.close();
      // Long enough for a restart on a busy machine to fall within it after the last note (the
      // server notes its open boards every quarter of the window): at 3 s, a restart that took
      // over 2 s on a machine running the whole suite found the board outside it.
      const windowMs = 6000;
      server = await startServer({ env: { ...store.env('read-ahead-open'), READ_AHEAD_WINDOW_MS: String(windowMs), READ_AHEAD_HOLD_MS: '300' } });
      const workshop = await server.createWorkshop({ title: 'Plenary on the projector', themes: ['Environment', 'Trade'] });
      const [watched, alone] = workshop.boards.map((b) => b.id) as [string, string];
      // An observer's device writes nothing: the board's last write is its creation.
      const projector = connectClient(server.syncBase, watched, workshop.tokens.observer);
      try {
        await projector.synced();
        await elapse(windowMs + 1500);
        await server.kill('SIGKILL');
        const before = server.jsonLogs().length;
        await server.restart();
        const logs = () => server!.jsonLogs().slice(before);
        const readLine = await waitFor(() => logs().find((l) => l.msg === 'boards read ahead'), 15_000, 'the boards read ahead');
        // The watched board alone: nothing of the other was read.
        expect(readLine.boards).toBe(1);
        expect(logs().some((l) => l.doc === alone)).toBe(false);
      } finally {
        projector.destroy();
      }
    });
  });
}
