/**
 * A document size limit (MAX_DOC_BYTES): past it, growth is refused with a clear reason
 * (permission-denied 'document-too-large') instead of exhausting memory; the refused growth
 * reaches no one and is not stored; deletions are still accepted; reading still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DenyReason } from '@plenary/shared/protocol';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const MAX_DOC_BYTES = 4096;

describe('the document size limit', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { MAX_DOC_BYTES: String(MAX_DOC_BYTES) } });
    workshop = await server.createWorkshop({ title: 'Limits', themes: ['Other'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });

  it('refuses growth past MAX_DOC_BYTES, still accepts deletions, and keeps the board readable', async () => {
    const board = workshop.boards[0]!.id;
    const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
    const b = connectClient(server.syncBase, board, workshop.tokens.delegate);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);

    const within = 'x'.repeat(3000);
    a.doc.getText('notes').insert(0, within);
    await waitFor(() => b.doc.getText('notes').length === 3000, 10_000, 'the edit within the limit to reach B');
    expect(a.denied).toEqual([]);

    // 3000 + 2000 bytes > 4096: refused.
    a.doc.getText('notes').insert(3000, 'y'.repeat(2000));
    await waitFor(() => a.denied.includes(DenyReason.documentTooLarge), 10_000, "A to be told 'document-too-large'");
    expect(a.provider.wsconnected).toBe(true);

    // Deleting is still accepted (and a later accepted change proves the refused one was skipped, not delayed).
    a.doc.getText('notes').delete(0, 1000);
    await waitFor(() => b.doc.getText('notes').length === 2000, 10_000, 'the deletion to reach B');
    expect(b.doc.getText('notes').toString()).toBe('x'.repeat(2000));

    // Reading works: a fresh client receives the board as accepted.
    const reader = connectClient(server.syncBase, board, workshop.tokens.observer);
    clients.push(reader);
    await reader.synced();
    expect(reader.doc.getText('notes').toString()).toBe('x'.repeat(2000));

    // And nothing refused was stored: the same after a restart.
    for (const c of clients.splice(0)) c.destroy();
    expect((await server.kill('SIGTERM')).code).toBe(0);
    await server.restart();
    const afterRestart = connectClient(server.syncBase, board, workshop.tokens.observer);
    clients.push(afterRestart);
    await afterRestart.synced();
    expect(afterRestart.doc.getText('notes').toString()).toBe('x'.repeat(2000));
  });
});
