/**
 * A delegate alone in a room (early morning, everyone else at breakfast) stays connected for
 * minutes: no reconnect loop. y-websocket's provider drops a connection that received nothing for
 * 30 s, so the server must keep the connection alive. IDLE_TEST_MS sets the duration (default
 * 45 s: past those 30 s, and three of the server's 15 s keep-alives).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { elapse } from '../utils/wait.ts';

const IDLE_MS = Number(process.env.IDLE_TEST_MS || 45_000);

describe('a client alone in a room', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Quiet morning', themes: ['Youth'] });
  });
  afterAll(() => server?.close());

  it(`stays connected for ${Math.round(IDLE_MS / 1000)} s without a reconnect`, { timeout: IDLE_MS + 30_000 }, async () => {
    const alone = connectClient(server.syncBase, workshop.boards[0]!.id, workshop.tokens.delegate, { user: { name: 'Early bird' } });
    try {
      await alone.synced();
      // Time passing is the point of this test: nothing to poll for.
      await elapse(IDLE_MS);
      const context = `statuses ${JSON.stringify(alone.statuses)}, closes ${JSON.stringify(alone.closes)}; server log tail:\n${server.lines.slice(-15).join('\n')}`;
      expect(alone.statuses, context).toEqual(['connecting', 'connected']);
      expect(alone.closes).toEqual([]);
      expect(alone.provider.wsconnected).toBe(true);
      expect(alone.provider.synced).toBe(true);
    } finally {
      alone.destroy();
    }
  });
});
