/**
 * Compaction ("snapshots"): the update log is folded into the snapshot when the document unloads
 * and when the log passes COMPACT_AFTER_ENTRIES, so load time and stored bytes stay bounded
 * however long a workshop runs. The store is inspected through its own API with the server's
 * DATA_DIR / KEY_PREFIX. On both stores.
 */
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '@plenary/server/persistence/store.ts';
import { connectClient } from '../utils/clients.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { elapse, waitFor } from '../utils/wait.ts';
import { STORE_KINDS, openStore } from './support/stores.ts';

const EDITS = 120;

const docOf = (updates: Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
};

/** Makes EDITS edits, each in its own server tick, so each is its own log entry. */
const typeSlowly = async (doc: Y.Doc) => {
  for (let i = 0; i < EDITS; i++) {
    doc.getArray<string>('log').push([`minute ${i}`]);
    await elapse(12);
  }
};

for (const store of STORE_KINDS) {
  store.describe(`compaction on the ${store.name} store`, () => {
    const servers: PlenaryServer[] = [];
    const stores: Store[] = [];
    afterAll(async () => {
      for (const s of stores) await s.close();
      for (const s of servers) await s.close();
      await store.cleanup();
    });

    it('folds the whole log into the snapshot when the document unloads, content intact', async () => {
      const server = await startServer({
        env: { ...store.env('compaction-unload'), UNLOAD_GRACE_MS: '300', TICK_MS: '5', COMPACT_AFTER_ENTRIES: '100000', COMPACT_AFTER_BYTES: '100000000' }
      });
      servers.push(server);
      const workshop = await server.createWorkshop({ title: 'Compaction', themes: ['Education'] });
      const board = workshop.boards[0]!.id;
      const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
      const b = connectClient(server.syncBase, board, workshop.tokens.delegate);
      await Promise.all([a.synced(), b.synced()]);
      await typeSlowly(a.doc);
      await waitFor(() => b.doc.getArray('log').length === EDITS, 10_000, 'B to see every edit');

      // While people are connected (and below the threshold) the log grows: there is something to fold.
      const inspect = await openStore(server);
      stores.push(inspect);
      const before = await waitFor(
        async () => {
          const d = await inspect.loadDoc(board);
          return d && d.logLength >= 20 ? d : null;
        },
        10_000,
        'the log to hold the edits as separate entries'
      );

      a.destroy();
      b.destroy();
      await waitFor(() => server.jsonLogs().some((l) => l.msg === 'document unloaded' && l.doc === board), 15_000, 'the board to unload');
      await server.kill('SIGKILL');

      const after = await inspect.loadDoc(board);
      expect(after).not.toBeNull();
      expect(after!.logLength).toBe(0);
      expect(after!.updates).toHaveLength(1);
      expect(after!.bytes).toBeLessThan(before.bytes);
      expect(docOf(after!.updates).getArray('log').toArray()).toEqual(Array.from({ length: EDITS }, (_, i) => `minute ${i}`));
    });

    it('keeps the log bounded by COMPACT_AFTER_ENTRIES while people stay connected', async () => {
      const THRESHOLD = 20;
      const server = await startServer({
        env: { ...store.env('compaction-threshold'), UNLOAD_GRACE_MS: '60000', TICK_MS: '5', COMPACT_AFTER_ENTRIES: String(THRESHOLD) }
      });
      servers.push(server);
      const workshop = await server.createWorkshop({ title: 'Long workshop', themes: ['Trade'] });
      const board = workshop.boards[0]!.id;
      const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
      try {
        await a.synced();
        await typeSlowly(a.doc);
        const inspect = await openStore(server);
        stores.push(inspect);
        const stored = await waitFor(
          async () => {
            const d = await inspect.loadDoc(board);
            return d && docOf(d.updates).getArray('log').length === EDITS ? d : null;
          },
          10_000,
          'every edit to be stored'
        );
        // 120 separate appends with a threshold of 20: without compaction the log would hold ~120.
        expect(stored.logLength).toBeLessThanOrEqual(THRESHOLD * 2);
      } finally {
        a.destroy();
      }
    });
  });
}
