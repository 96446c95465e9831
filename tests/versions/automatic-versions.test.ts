/**
 * Versions are saved without anyone asking: when a facilitator locks a board, and when a timer
 * runs out (a workshop timer saves every board). Checked through the history API of a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCityWorkshop } from '../facilitation/support.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

interface Listed {
  versions: { auto?: string; label: string }[];
}

describe('automatic versions', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const history = async (boardId: string) => (await call<Listed>(server, 'GET', `/api/boards/${boardId}/versions`, workshop.tokens.observer)).body.versions;

  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
  });
  afterAll(() => server?.close());

  it('saves a version of a board when it is locked, and none when it is unlocked', async () => {
    const board = workshop.boards[0]!.id;
    const lock = (locked: boolean) => call(server, 'PUT', `/api/workshops/${workshop.id}/locks/${board}`, workshop.tokens.facilitator, { locked });
    expect((await lock(true)).status).toBe(200);
    expect((await history(board)).filter((v) => v.auto === 'lock')).toHaveLength(1);
    expect((await lock(false)).status).toBe(200);
    expect((await history(board)).filter((v) => v.auto === 'lock')).toHaveLength(1);
  });

  it('saves a version of every board when the workshop timer runs out, not when it is paused', async () => {
    const timer = (body: Record<string, unknown>) => call(server, 'POST', `/api/workshops/${workshop.id}/timers`, workshop.tokens.facilitator, body);
    expect((await timer({ action: 'start', durationMs: 60_000 })).status).toBe(200);
    expect((await timer({ action: 'pause' })).status).toBe(200);
    expect((await timer({ action: 'reset' })).status).toBe(200);
    expect((await timer({ action: 'start', durationMs: 1000 })).status).toBe(200);
    for (const { id } of workshop.boards) {
      await waitFor(async () => (await history(id)).some((v) => v.auto === 'timer'), 10_000, `a timer version of board ${id}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
    for (const { id } of workshop.boards) expect((await history(id)).filter((v) => v.auto === 'timer')).toHaveLength(1);
  });
});
