/**
 * Timers run on server time: start sets `endsAt = now + duration`, pause keeps what is left, resume
 * sets a new `endsAt`, add moves either (never below zero), reset stops at the full duration.
 * Each answer is checked against the server's clock read just before and just after (GET /api/time),
 * and the control document every screen syncs holds the same timer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timer } from '@plenary/shared/control';
import type { TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { call, connectControl, createCityWorkshop, snapshotOf } from './support.ts';

describe('timers on server time', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let screen: TestClient;
  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
    screen = await connectControl(server, workshop, workshop.tokens.observer);
  });
  afterAll(async () => {
    screen?.destroy();
    await server?.close();
  });

  const serverNow = async () => (await call<{ now: number }>(server, 'GET', '/api/time', null)).body.now;
  /** Runs a timer command and returns the timer with the server-clock window it was made in. */
  const command = async (body: Record<string, unknown>) => {
    const before = await serverNow();
    const answer = await call<{ timer: Timer; error?: string; field?: string }>(
      server,
      'POST',
      `/api/workshops/${workshop.id}/timers`,
      workshop.tokens.facilitator,
      body
    );
    const after = await serverNow();
    return { ...answer, before, after };
  };

  it('answers the server clock without a token', async () => {
    const local = Date.now();
    const now = await serverNow();
    expect(Math.abs(now - local)).toBeLessThan(60_000);
  });

  it('starts, pauses, adds, resumes and resets with exact arithmetic', async () => {
    const started = await command({ action: 'start', durationMs: 60_000, sound: true });
    expect(started.status).toBe(200);
    expect(started.body.timer).toMatchObject({ state: 'running', durationMs: 60_000, sound: true });
    expect(started.body.timer.endsAt).toBeGreaterThanOrEqual(started.before + 60_000);
    expect(started.body.timer.endsAt).toBeLessThanOrEqual(started.after + 60_000);

    const paused = await command({ action: 'pause' });
    const left = paused.body.timer.remainingMs!;
    expect(paused.body.timer.state).toBe('paused');
    expect(left).toBeLessThanOrEqual(started.body.timer.endsAt! - paused.before);
    expect(left).toBeGreaterThanOrEqual(started.body.timer.endsAt! - paused.after);
    expect((await command({ action: 'pause' })).status).toBe(409);

    const added = await command({ action: 'add', addMs: 30_000 });
    expect(added.body.timer).toMatchObject({ state: 'paused', remainingMs: left + 30_000, durationMs: 90_000 });

    const resumed = await command({ action: 'resume' });
    expect(resumed.body.timer.state).toBe('running');
    expect(resumed.body.timer.endsAt).toBeGreaterThanOrEqual(resumed.before + left + 30_000);
    expect(resumed.body.timer.endsAt).toBeLessThanOrEqual(resumed.after + left + 30_000);

    const shortened = await command({ action: 'add', addMs: -10_000 });
    expect(shortened.body.timer.endsAt).toBe(resumed.body.timer.endsAt! - 10_000);

    // Taking away more than is left ends the timer now rather than going below zero.
    const ended = await command({ action: 'add', addMs: -3_600_000 });
    expect(ended.body.timer.endsAt).toBeGreaterThanOrEqual(ended.before);
    expect(ended.body.timer.endsAt).toBeLessThanOrEqual(ended.after);

    const reset = await command({ action: 'reset' });
    expect(reset.body.timer).toMatchObject({ state: 'stopped', remainingMs: reset.body.timer.durationMs, sound: true });
    expect(reset.body.timer.endsAt).toBeUndefined();
    await waitFor(() => snapshotOf(screen).timers.workshop?.updatedAt === reset.body.timer.updatedAt, 10_000, 'the reset to reach the screen');
    expect(snapshotOf(screen).timers.workshop).toEqual(reset.body.timer);
  });

  it("keeps a board's timer apart from the workshop timer, and refuses what does not fit", async () => {
    const board = workshop.boards[1]!.id;
    const none = await command({ boardId: board, action: 'add', addMs: 1000 });
    expect([none.status, none.body.error]).toEqual([409, 'there is no timer to add time to']);
    const noDuration = await command({ boardId: board, action: 'start' });
    expect([noDuration.status, noDuration.body.field]).toEqual([400, 'durationMs']);
    const badAction = await command({ boardId: board, action: 'explode' });
    expect([badAction.status, badAction.body.field]).toEqual([400, 'action']);
    const foreign = await command({ boardId: 'not-a-board', action: 'start', durationMs: 5000 });
    expect([foreign.status, foreign.body.field]).toEqual([400, 'boardId']);

    const boardTimer = await command({ boardId: board, action: 'start', durationMs: 300_000 });
    expect(boardTimer.status).toBe(200);
    await waitFor(() => snapshotOf(screen).timers[board]?.state === 'running', 10_000, "the board's timer to reach the screen");
    expect(snapshotOf(screen).timers.workshop?.state).toBe('stopped');
  });
});
