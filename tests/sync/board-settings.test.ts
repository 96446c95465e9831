/**
 * A board's settings (schema version, ids, title, the lock mirror) are the facilitators': a
 * delegate's raw update that changes them is undone at once by the server and answered with
 * permission-denied 'board-settings'; their edits to cards go through; a forged schema version
 * cannot make the board unloadable after a restart. A facilitator may change the title.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DenyReason } from '@plenary/shared/protocol';
import { getMetaMap, SCHEMA_VERSION } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { metricValue } from '../utils/metrics.ts';
import { waitFor } from '../utils/wait.ts';

/** Store appends the server has finished. */
const storeWrites = (server: PlenaryServer): Promise<number> => metricValue(server, 'plenary_store_write_seconds_count');

describe("a board's settings are the facilitators'", () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  const clients: TestClient[] = [];
  const client = (token: string) => {
    const c = connectClient(server.syncBase, board, token);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Settings', themes: ['Tourism'] });
    board = workshop.boards[0]!.id;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });

  it("undoes a delegate's change to the title and schema version, keeps their card edit, and says why", async () => {
    const facilitator = client(workshop.tokens.facilitator);
    const delegate = client(workshop.tokens.delegate);
    await Promise.all([facilitator.synced(), delegate.synced()]);
    const meta = getMetaMap(facilitator.doc);
    expect(meta.get('title')).toBe('Tourism');

    delegate.doc.transact(() => {
      getMetaMap(delegate.doc).set('title', 'Hijacked');
      getMetaMap(delegate.doc).set('schemaVersion', 99);
      delegate.doc.getText('notes').insert(0, 'a delegate may still write');
    });

    await waitFor(() => delegate.denied.includes(DenyReason.boardSettings), 10_000, 'the board-settings refusal');
    await waitFor(() => facilitator.doc.getText('notes').toString() === 'a delegate may still write', 10_000, 'the card edit');
    await waitFor(() => getMetaMap(delegate.doc).get('title') === 'Tourism', 10_000, "the delegate's own copy put back");
    expect(meta.get('title')).toBe('Tourism');
    expect(meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('lets a facilitator retitle the board, and the board still loads after a restart', async () => {
    const facilitator = client(workshop.tokens.facilitator);
    await facilitator.synced();
    const writesBefore = await storeWrites(server);
    getMetaMap(facilitator.doc).set('title', 'Tourism and culture');
    const other = client(workshop.tokens.delegate);
    await other.synced();
    await waitFor(() => getMetaMap(other.doc).get('title') === 'Tourism and culture', 10_000, 'the new title');
    expect(facilitator.denied).toEqual([]);
    // Others see an edit before it is stored (every 20 ms); a kill -9 in between would leave it to
    // the clients to send again, and these are let go first. So the restart waits for the write.
    await waitFor(async () => (await storeWrites(server)) > writesBefore, 10_000, 'the new title stored');

    for (const c of clients.splice(0)) c.destroy();
    await server.restart();
    const fresh = client(workshop.tokens.observer);
    await fresh.synced();
    expect(getMetaMap(fresh.doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(getMetaMap(fresh.doc).get('title')).toBe('Tourism and culture');
    expect(fresh.doc.getText('notes').toString()).toBe('a delegate may still write');
  });
});
