/**
 * A cold join in a real server process, on both stores: a board stored as a crash leaves it (a
 * snapshot and a log not yet folded) is answered from those bytes before the server has built its
 * document — the log as an update, then step 2 with the snapshot, and only then the server's own
 * step 1 — and the raw client holds the stored board exactly once synced. A second client that
 * joins at the same moment and types at once reaches the first as an ordinary update after.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterAll, expect, it } from 'vitest';
import { MessageTag, SyncStep } from '@plenary/shared/protocol';
import { frames, openRaw, syncUrl, updateOf, type RawClient } from '../utils/clients.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { STORE_KINDS, openStore } from './support/stores.ts';

/** What kind of sync frame each received frame is, in order (other frames left out). */
const syncKinds = (client: RawClient): string[] =>
  client.received.flatMap((bytes) => {
    const d = decoding.createDecoder(bytes);
    if (decoding.readVarUint(d) !== MessageTag.sync) return [];
    const step = decoding.readVarUint(d);
    return [step === SyncStep.step1 ? 'step1' : step === SyncStep.step2 ? 'step2' : 'update'];
  });

for (const store of STORE_KINDS) {
  store.describe(`joining while the board loads on the ${store.name} store`, () => {
    let server: PlenaryServer | undefined;
    afterAll(async () => {
      await server?.close();
      await store.cleanup();
    });

    it('answers from the stored snapshot and log before building the document; edits made meanwhile follow', async () => {
      server = await startServer({ env: store.env('join-loading') });
      const workshop = await server.createWorkshop({ title: 'Cold join', themes: ['Environment'] });
      const board = workshop.boards[0]!.id;

      // The board as a crash leaves it: folded snapshot, then a log of single edits. (Creating a
      // workshop writes its boards to the store without loading them: the server has not read it yet.)
      const db = await openStore(server);
      const expected = new Y.Doc();
      try {
        for (const u of (await db.loadDoc(board))?.updates ?? []) Y.applyUpdate(expected, u);
        const log: Uint8Array[] = [];
        expected.on('update', (u: Uint8Array) => log.push(u));
        const notes = expected.getText('notes');
        for (let i = 0; i < 400; i++) notes.insert((i * 37) % (notes.length + 1), String.fromCharCode(97 + (i % 26)));
        await db.appendUpdates(board, log.splice(0));
        await db.compact(board);
        for (let i = 0; i < 60; i++) notes.insert((i * 11) % (notes.length + 1), 'XYZ'[i % 3]!);
        await db.appendUpdates(board, log.splice(0));
        expect((await db.loadDoc(board))!.logLength).toBe(60);
      } finally {
        await db.close();
      }

      const url = syncUrl(server.syncBase, board, workshop.tokens.delegate);
      const [first, second] = await Promise.all([openRaw(url), openRaw(url)]);
      try {
        await Promise.all([first.handshake(), second.handshake()]);
        second.send(frames.update(updateOf((doc) => doc.getText('notes').insert(0, 'meanwhile '), second.doc)));
        // Step 2 came before the server's own step 1: the answer left before the document was built.
        expect(syncKinds(first).slice(0, 2)).toEqual(['update', 'step2']);
        expect(first.doc.getText('notes').toString()).toBe(expected.getText('notes').toString());
        await waitFor(() => syncKinds(first).includes('step1'), 5000, "the server's step 1");
        expect(syncKinds(first).indexOf('step1')).toBeGreaterThan(syncKinds(first).indexOf('step2'));
        await waitFor(() => first.doc.getText('notes').toString() === `meanwhile ${expected.getText('notes').toString()}`, 5000, "the second client's edit");
        // The log line travels on the process's output, not the socket: it may come after the frames.
        const loadedLine = () => server!.jsonLogs().find((l) => l.msg === 'document loaded' && l.doc === board);
        await waitFor(() => loadedLine() !== undefined, 5000, "the 'document loaded' log line");
        expect(loadedLine()?.answeredEarly).toBeGreaterThanOrEqual(1);
      } finally {
        first.destroy();
        second.destroy();
      }
    });
  });
}
