/**
 * The control document is written by the server only: a client's update to it — a delegate's
 * provider or a raw socket with the facilitator's own token — is refused ('read-only') and reaches
 * no one, while the server's writes (HTTP actions) keep arriving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlDocName, getLocksMap, getRoundsMap } from '@plenary/shared/control';
import { DenyReason } from '@plenary/shared/protocol';
import { frames, openRaw, syncUrl, updateOf } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { call, connectControl, createCityWorkshop, register, snapshotOf } from './support.ts';

describe('the control document is read-only for clients', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
  });
  afterAll(() => server?.close());

  it("refuses a delegate provider's and a raw facilitator socket's writes; nothing changes", async () => {
    const board = workshop.boards[0]!.id;
    const personal = (await register(server, workshop, 'Budi', 'Surabaya')).token;
    const delegate = await connectControl(server, workshop, personal);
    const watcher = await connectControl(server, workshop, workshop.tokens.observer);
    const raw = await openRaw(syncUrl(server.syncBase, controlDocName(workshop.id), workshop.tokens.facilitator));
    try {
      await raw.handshake();
      getLocksMap(delegate.doc).set(board, true);
      getRoundsMap(delegate.doc).set('forged', { id: 'forged' } as never);
      raw.send(frames.update(updateOf((d) => d.getMap('banner').set('all', { text: 'FORGED', at: '', by: 'x' }))));
      await waitFor(() => delegate.denied.includes(DenyReason.readOnly), 10_000, "the delegate to be told 'read-only'");
      await waitFor(() => raw.denied.includes(DenyReason.readOnly), 10_000, "the raw socket to be told 'read-only'");

      // A server write after the refused ones reaches the watcher; the refused ones never do.
      expect((await call(server, 'PUT', `/api/workshops/${workshop.id}/banner`, workshop.tokens.facilitator, { text: 'Lunch at 13:00' })).status).toBe(200);
      await waitFor(() => snapshotOf(watcher).banners.all?.text === 'Lunch at 13:00', 10_000, 'the real banner to arrive');
      const seen = snapshotOf(watcher);
      expect(seen.locks).toEqual({});
      expect(seen.rounds).toEqual({});
      expect(raw.closed).toBeNull();

      // And a fresh client loads the same: nothing refused was kept.
      const fresh = await connectControl(server, workshop, workshop.tokens.delegate);
      await waitFor(() => snapshotOf(fresh).banners.all?.text === 'Lunch at 13:00', 10_000, 'a fresh client to load the banner');
      expect(snapshotOf(fresh).locks).toEqual({});
      expect(snapshotOf(fresh).rounds).toEqual({});
      fresh.destroy();
    } finally {
      delegate.destroy();
      watcher.destroy();
      raw.destroy();
    }
  });
});
