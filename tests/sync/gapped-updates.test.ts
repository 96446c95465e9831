/**
 * Updates built on an edit the server never received are held back by Yjs (pending). A raw client
 * sending a pile of them must not grow that without bound: past MAX_MESSAGE_BYTES held back, it is
 * closed with gappedUpdates (retryable) and what was held back is dropped — and an honest client
 * that reconnects and sends what the server lacks gets every edit in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, isFinalCloseCode } from '@plenary/shared/protocol';
import { connectClient, frames, openRaw, syncUrl, updateOf, type RawClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const MAX_MESSAGE_BYTES = 256 * 1024;
const CHUNK = 100_000;

describe('updates with a gap before them', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
    workshop = await server.createWorkshop({ title: 'Gaps', themes: ['Health'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.destroy();
    await server?.close();
  });

  it('closes the sender with gappedUpdates once too much waits, keeps honest edits, and accepts every edit once the gap is filled', async () => {
    const board = workshop.boards[0]!.id;
    const honest = connectClient(server.syncBase, board, workshop.tokens.delegate);
    clients.push(honest);
    await honest.synced();

    // The sender's own history: the first edit is never sent, every later one depends on it.
    const source = new Y.Doc();
    const notes = source.getText('gapped');
    const first = updateOf(() => notes.insert(0, 'a'.repeat(CHUNK)), source);
    const gapped: Uint8Array[] = [];
    for (let i = 0; i < 8; i++) gapped.push(updateOf(() => notes.insert(notes.length, String(i).repeat(CHUNK)), source));

    const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    raws.push(raw);
    await raw.handshake();
    for (const update of gapped) {
      if (raw.closed) break;
      raw.send(frames.update(update));
      honest.doc.getMap('honest').set(`while-${gapped.indexOf(update)}`, 'still here');
    }
    const closed = await raw.whenClosed();
    expect(closed.code).toBe(CloseCode.gappedUpdates);
    expect(isFinalCloseCode(closed.code)).toBe(false);
    expect(honest.closes).toEqual([]);
    expect((await server.fetch('/healthz')).status).toBe(200);

    // Nothing held back reached anyone; every honest edit did.
    const reader = connectClient(server.syncBase, board, workshop.tokens.observer);
    clients.push(reader);
    await reader.synced();
    await waitFor(() => reader.doc.getMap('honest').size === honest.doc.getMap('honest').size, 10_000, 'the honest edits to reach a fresh client');
    expect(reader.doc.getText('gapped').length).toBe(0);

    // Reconnecting and sending what the server lacks, the missing edit included, gets every edit in.
    const again = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    raws.push(again);
    await again.handshake();
    again.send(frames.syncStep2(first));
    for (const update of gapped) again.send(frames.update(update));
    await waitFor(() => reader.doc.getText('gapped').length === notes.length, 10_000, 'the whole text to arrive once the gap is filled');
    expect(reader.doc.getText('gapped').toString()).toBe(notes.toString());
    expect(again.closed).toBeNull();
  });
});
