/**
 * Dead connections (a laptop lid closed, Wi-Fi gone) are found by WebSocket ping: a socket that
 * stops answering pings is closed by the server (CloseCode.pingTimeout) within two ping intervals
 * and its presence is removed for everyone; live clients are left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@plenary/shared/protocol';
import { connectClient, frames, openRaw, syncUrl } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const PING_INTERVAL_MS = 500;
/** Slack for a busy 2-core machine on top of the two intervals the server allows itself. */
const SCHEDULING_SLACK_MS = 1_500;

describe('dead connections', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer({ env: { PING_INTERVAL_MS: String(PING_INTERVAL_MS) } });
    workshop = await server.createWorkshop({ title: 'Lid closed', themes: ['Youth'] });
  });
  afterAll(() => server?.close());

  it('closes a socket that stops answering pings and removes its presence for others', async () => {
    const board = workshop.boards[0]!.id;
    const watcher = connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: 'Watcher' } });
    try {
      await watcher.synced();
      const dead = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate), { autoPong: false });
      const opened = Date.now();
      await dead.handshake();
      const clientID = 2_000_000 + Math.floor(Math.random() * 1_000_000);
      dead.send(frames.awareness([{ clientID, clock: 1, state: { user: { name: 'Sleeping laptop' } } }]));
      await waitFor(() => watcher.awareness.getStates().has(clientID), 5_000, "the laptop's presence to reach the watcher");

      const closed = await waitFor(() => dead.closed, PING_INTERVAL_MS * 2 + SCHEDULING_SLACK_MS, 'the server to close the silent socket');
      expect(closed.code).toBe(CloseCode.pingTimeout);
      expect(Date.now() - opened).toBeGreaterThanOrEqual(PING_INTERVAL_MS);
      // Far sooner than the 30 s after which clients drop stale presence by themselves.
      await waitFor(() => !watcher.awareness.getStates().has(clientID), 5_000, "the laptop's presence to be removed");
      dead.destroy();

      // The watcher answered every ping meanwhile (its ws answers automatically) and is still there.
      expect(watcher.statuses).toEqual(['connecting', 'connected']);
      expect(watcher.closes).toEqual([]);
    } finally {
      watcher.destroy();
    }
  });
});
