/**
 * Roles are enforced by the server: a delegate's raw HTTP client (with the delegate link or a
 * personal token) sending facilitator actions gets 403 naming the reason, and the control
 * document does not change. The same actions from the facilitator succeed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBoardLocked } from '@plenary/shared/control';
import type { TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { call, connectControl, createCityWorkshop, register, snapshotOf } from './support.ts';

describe('a delegate cannot run facilitation', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let control: TestClient;
  let board: string;
  let personal: string;
  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
    board = workshop.boards[0]!.id;
    personal = (await register(server, workshop, 'Budi', 'Surabaya')).token;
    control = await connectControl(server, workshop, workshop.tokens.delegate);
  });
  afterAll(async () => {
    control?.destroy();
    await server?.close();
  });

  const actions = () => {
    const base = `/api/workshops/${workshop.id}`;
    return [
      ['PUT', `${base}/locks/${board}`, { locked: true }],
      ['POST', `${base}/locks`, { boardIds: [board], locked: true }],
      ['POST', `${base}/rounds`, { boardId: board, lane: 'ideas', votesPerDelegate: 3 }],
      ['PUT', `${base}/banner`, { text: 'Coffee break' }],
      ['DELETE', `${base}/banner`, undefined],
      ['POST', `${base}/timers`, { action: 'start', durationMs: 60_000 }],
      ['PUT', `${base}/agenda`, { sessions: [{ day: 1, start: '09:00', end: '10:00', title: 'Opening', boardIds: [board] }] }],
      ['PUT', `${base}/follow`, { boardId: board }],
      ['POST', `${base}/links/reissue`, { role: 'delegate' }]
    ] as const;
  };

  it('answers 403 with a reason to every facilitator action, for the delegate link and a personal token', async () => {
    const snapshot = snapshotOf(control);
    for (const token of [workshop.tokens.delegate, personal]) {
      for (const [method, path, body] of actions()) {
        const answer = await call<{ error: string }>(server, method, path, token, body);
        expect(answer.status, `${method} ${path}`).toBe(403);
        expect(answer.body.error, `${method} ${path}`).toMatch(/^only a facilitator may /);
      }
    }
    // The delegate link still works: the re-issue was refused.
    expect((await call(server, 'GET', `/api/workshops/${workshop.id}`, workshop.tokens.delegate)).status).toBe(200);

    // A facilitator action afterwards reaches the delegate's copy; nothing before it changed anything.
    const ok = await call(server, 'PUT', `/api/workshops/${workshop.id}/banner`, workshop.tokens.facilitator, { text: 'Marker' });
    expect(ok.status).toBe(200);
    await waitFor(() => snapshotOf(control).banners.all?.text === 'Marker', 10_000, 'the marker banner to arrive');
    expect({ ...snapshotOf(control), banners: {} }).toEqual({ ...snapshot, banners: {} });
    expect(snapshot.banners).toEqual({});
  });

  it('refuses closing and revealing a round to a delegate, and the round stays open', async () => {
    const opened = await call<{ round: { id: string } }>(server, 'POST', `/api/workshops/${workshop.id}/rounds`, workshop.tokens.facilitator, {
      boardId: board,
      lane: 'ideas',
      votesPerDelegate: 2
    });
    expect(opened.status).toBe(201);
    const rid = opened.body.round.id;
    await waitFor(() => snapshotOf(control).rounds[rid]?.status === 'open', 10_000, 'the round to reach the delegate');
    for (const verb of ['close', 'reveal']) {
      const answer = await call<{ error: string }>(server, 'POST', `/api/workshops/${workshop.id}/rounds/${rid}/${verb}`, personal);
      expect(answer.status).toBe(403);
      expect(answer.body.error).toBe(`only a facilitator may ${verb} a voting round`);
    }
    const closed = await call(server, 'POST', `/api/workshops/${workshop.id}/rounds/${rid}/close`, workshop.tokens.facilitator);
    expect(closed.status).toBe(200);
    await waitFor(() => snapshotOf(control).rounds[rid]?.status === 'closed', 10_000, 'the closed round to arrive');
  });

  it('lets the facilitator lock a board, which the delegate sees', async () => {
    const answer = await call(server, 'PUT', `/api/workshops/${workshop.id}/locks/${board}`, workshop.tokens.facilitator, { locked: true });
    expect(answer.status).toBe(200);
    await waitFor(() => isBoardLocked(control.doc, board), 10_000, 'the lock to reach the delegate');
  });

  it("answers 401 without a token and with another workshop's facilitator token", async () => {
    const other = await createCityWorkshop(server);
    const path = `/api/workshops/${workshop.id}/banner`;
    expect((await call(server, 'PUT', path, null, { text: 'x' })).status).toBe(401);
    expect((await call(server, 'PUT', path, other.tokens.facilitator, { text: 'x' })).status).toBe(401);
  });
});
