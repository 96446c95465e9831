/**
 * An observer (the projector, a guest) receives the document and presence, but its document
 * updates are refused with the y-protocols permission-denied message ('read-only'): they never
 * reach another client and are not in the store after a restart. Answering the server's sync step 1
 * with nothing the board lacks (a reconnect) is no edit and is not refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DenyReason } from '@plenary/shared/protocol';
import { connectClient, frames, openRaw, syncUrl, updateOf, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

describe('observers are read-only', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Projector', themes: ['Tourism'] });
    board = workshop.boards[0]!.id;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });
  const client = (token: string, user?: Record<string, unknown>) => {
    const c = connectClient(server.syncBase, board, token, { user });
    clients.push(c);
    return c;
  };

  it('receives the document and presence, and its edits are refused and reach nobody', async () => {
    const facilitator = client(workshop.tokens.facilitator, { name: 'Ana', city: 'Porto' });
    const delegate = client(workshop.tokens.delegate, { name: 'Budi', city: 'Surabaya' });
    await Promise.all([facilitator.synced(), delegate.synced()]);
    facilitator.doc.getText('plan').insert(0, 'Joint tourism pass');

    const observer = client(workshop.tokens.observer);
    await observer.synced();
    await waitFor(() => observer.doc.getText('plan').toString() === 'Joint tourism pass', 10_000, 'the observer to receive the document');
    await waitFor(
      () => [...observer.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Ana'),
      10_000,
      "the observer to receive the facilitator's presence"
    );

    observer.doc.getText('plan').insert(0, 'OBSERVER WAS HERE ');
    observer.doc.getMap('testMeta').set('hijacked', true);
    await waitFor(() => observer.denied.includes(DenyReason.readOnly), 10_000, "the observer to be told 'read-only'");
    expect(observer.provider.wsconnected).toBe(true);

    // A later edit reaching the delegate proves the server is past the observer's updates.
    facilitator.doc.getMap('testMeta').set('marker', 1);
    await waitFor(() => delegate.doc.getMap('testMeta').get('marker') === 1, 10_000, 'the marker to reach the delegate');
    expect(delegate.doc.getText('plan').toString()).toBe('Joint tourism pass');
    expect(delegate.doc.getMap('testMeta').has('hijacked')).toBe(false);
    expect(facilitator.doc.getText('plan').toString()).toBe('Joint tourism pass');
  });

  it('refuses an update frame sent by a raw observer socket', async () => {
    const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.observer));
    try {
      await raw.handshake();
      raw.send(frames.update(updateOf((d) => d.getText('plan').insert(0, 'RAW OBSERVER '))));
      await waitFor(() => raw.denied.includes(DenyReason.readOnly), 10_000, "the raw observer to be told 'read-only'");
      expect(raw.closed).toBeNull();
    } finally {
      raw.destroy();
    }
  });

  it('does not refuse the answer of a reconnecting observer that holds only what the board has, deletions included', async () => {
    const writer = client(workshop.tokens.facilitator);
    await writer.synced();
    writer.doc.getText('notes').insert(0, 'draft');
    writer.doc.getText('notes').delete(0, 2);
    const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.observer));
    try {
      await raw.handshake();
      await waitFor(() => raw.doc.getText('notes').toString() === 'aft', 10_000, 'the observer to hold the deletion');
      // A provider's answer to the server's step 1 after a reconnect: nothing new, but always its
      // whole delete set (Yjs keeps no state vector of deletions).
      const before = raw.received.length;
      raw.send(frames.syncStep2(Y.encodeStateAsUpdate(raw.doc, Y.encodeStateVector(raw.doc))));
      raw.send(frames.queryAwareness());
      await waitFor(() => raw.received.length > before, 10_000, 'the answer to the query');
      expect(raw.denied).toEqual([]);

      // A deletion the board does not have is still an edit, and refused.
      raw.send(frames.syncStep2(updateOf((d) => d.getText('notes').delete(0, 1), raw.doc)));
      await waitFor(() => raw.denied.includes(DenyReason.readOnly), 10_000, "the new deletion to be refused as 'read-only'");
      expect(writer.doc.getText('notes').toString()).toBe('aft');
    } finally {
      raw.destroy();
    }
  });

  it("keeps the observers' edits out of the store (fresh client after a restart)", async () => {
    for (const c of clients.splice(0)) c.destroy();
    // SIGTERM writes everything that was accepted; then a fresh client reads what is stored.
    expect((await server.kill('SIGTERM')).code).toBe(0);
    await server.restart();
    const fresh = client(workshop.tokens.delegate);
    await fresh.synced();
    await waitFor(() => fresh.doc.getMap('testMeta').get('marker') === 1, 10_000, 'the stored board to load');
    expect(fresh.doc.getText('plan').toString()).toBe('Joint tourism pass');
    expect(fresh.doc.getMap('testMeta').has('hijacked')).toBe(false);
  });
});
