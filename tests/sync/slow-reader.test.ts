/**
 * A client that stops reading (a stalled phone, or someone asking for presences it never reads)
 * must not make the server hold ever more for it: once more than MAX_BUFFERED_BYTES wait in its
 * socket it is closed as a slow reader (4508, retryable), while the honest people on the board go
 * on and lose nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, isFinalCloseCode } from '@plenary/shared/protocol';
import type { Socket } from 'node:net';
import { connectClient, frames, openRaw, syncUrl, type RawClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const MAX_BUFFERED_BYTES = 256 * 1024;
const CHUNK_CHARS = 256 * 1024;
/** Up to 80 MiB: more than the loopback socket buffers (here up to 36 MiB) and the bound together. */
const MAX_CHUNKS = 320;

const socketOf = (raw: RawClient): Socket => (raw.ws as unknown as { _socket: Socket })._socket;

describe('a client that stops reading', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES), MAX_DOC_BYTES: String(128 * 1024 * 1024) } });
    workshop = await server.createWorkshop({ title: 'Slow readers', themes: ['Mobility', 'Water'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.destroy();
    await server?.close();
  });

  /** True once the server logged closing a connection as a slow reader. */
  const slowReaderClosed = () => server.jsonLogs().some((l) => l.msg === 'closing connection' && l.code === CloseCode.slowReader);

  it('is closed with slowReader (retryable) while a writer goes on, and every accepted edit reaches a fresh client', async () => {
    const board = workshop.boards[0]!.id;
    const writer = connectClient(server.syncBase, board, workshop.tokens.delegate);
    const reader = connectClient(server.syncBase, board, workshop.tokens.delegate);
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);

    const stalled = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    raws.push(stalled);
    await stalled.handshake();
    socketOf(stalled).pause();

    let written = 0;
    for (; written < MAX_CHUNKS && !slowReaderClosed(); written++) {
      writer.doc.getMap('notes').set(`chunk-${written}`, String(written % 10).repeat(CHUNK_CHARS));
      const key = `chunk-${written}`;
      await waitFor(() => reader.doc.getMap('notes').has(key), 20_000, `chunk ${written} to reach the honest reader`);
    }
    await waitFor(slowReaderClosed, 20_000, 'the server to close the slow reader');

    // It reads again and finds the close code after what was already queued for it.
    socketOf(stalled).resume();
    const closed = await stalled.whenClosed();
    expect(closed.code).toBe(CloseCode.slowReader);
    expect(isFinalCloseCode(closed.code)).toBe(false);

    // The honest ones were never closed and the server is alive.
    expect(writer.closes).toEqual([]);
    expect(reader.closes).toEqual([]);
    expect((await server.fetch('/healthz')).status).toBe(200);

    const fresh = connectClient(server.syncBase, board, workshop.tokens.observer);
    clients.push(fresh);
    await fresh.synced(30_000);
    const notes = fresh.doc.getMap('notes');
    expect(notes.size).toBe(written);
    for (let i = 0; i < written; i++) expect((notes.get(`chunk-${i}`) as string).length).toBe(CHUNK_CHARS);
  });

  it('is closed with slowReader when it keeps asking for large presences it never reads', async () => {
    const board = workshop.boards[1]!.id;
    // Someone on the board with a large (but allowed) presence.
    const present = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    raws.push(present);
    await present.handshake();
    present.send(frames.awareness([{ clientID: 424_242, clock: 1, state: { user: { name: 'Amara', note: 'n'.repeat(60_000) } } }]));
    const before = server.jsonLogs().filter((l) => l.code === CloseCode.slowReader).length;

    const asker = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    raws.push(asker);
    await asker.handshake();
    await waitFor(() => asker.awareness.getStates().has(424_242), 10_000, 'the large presence to reach the asker');
    socketOf(asker).pause();
    // Paced under the rate limit, so each query lands in its own tick: ~12 MB/s of answers asked for.
    for (let i = 0; i < 3000 && server.jsonLogs().filter((l) => l.code === CloseCode.slowReader).length === before; i++) {
      asker.send(frames.queryAwareness());
      await new Promise((r) => setTimeout(r, 5));
    }
    socketOf(asker).resume();
    expect((await asker.whenClosed()).code).toBe(CloseCode.slowReader);
    expect(present.closed).toBeNull();
    expect((await server.fetch('/healthz')).status).toBe(200);
  });
});
