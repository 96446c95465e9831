/**
 * The facilitator's other controls, as every screen sees them in the control document: locking
 * boards (a locked board refuses delegates' edits with 'locked' and accepts the facilitator's;
 * unlocking restores editing), the agenda (validated: end after start, boards of the workshop),
 * follow-me, and banners for all boards or one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerFor, isBoardLocked } from '@plenary/shared/control';
import { DenyReason } from '@plenary/shared/protocol';
import { getMetaMap } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { call, connectControl, createCityWorkshop, snapshotOf } from './support.ts';

describe('locks, agenda, follow-me and banners', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let screen: TestClient;
  const base = () => `/api/workshops/${workshop.id}`;
  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
    screen = await connectControl(server, workshop, workshop.tokens.delegate);
  });
  afterAll(async () => {
    screen?.destroy();
    await server?.close();
  });

  it("locks a board against delegates' edits and unlocks it", async () => {
    const board = workshop.boards[0]!.id;
    const facilitator = connectClient(server.syncBase, board, workshop.tokens.facilitator);
    const delegate = connectClient(server.syncBase, board, workshop.tokens.delegate);
    // A second delegate who does not try to edit while the board is locked.
    const patient = connectClient(server.syncBase, board, workshop.tokens.delegate);
    try {
      await Promise.all([facilitator.synced(), delegate.synced(), patient.synced()]);
      expect((await call(server, 'PUT', `${base()}/locks/${board}`, workshop.tokens.facilitator, { locked: true })).status).toBe(200);
      await waitFor(() => isBoardLocked(screen.doc, board), 10_000, 'the lock to reach the screen');
      await waitFor(() => getMetaMap(delegate.doc).get('locked') === true, 10_000, "the board's own locked field");
      delegate.doc.getMap('testMeta').set('while-locked', true);
      await waitFor(() => delegate.denied.includes(DenyReason.locked), 10_000, "the delegate to be told 'locked'");
      facilitator.doc.getMap('testMeta').set('facilitator', 1);
      const witness = connectClient(server.syncBase, board, workshop.tokens.observer);
      await waitFor(() => witness.doc.getMap('testMeta').get('facilitator') === 1, 10_000, "the facilitator's edit to be accepted");
      expect(witness.doc.getMap('testMeta').has('while-locked')).toBe(false);

      const unlocked = await call<{ locks: Record<string, boolean> }>(server, 'POST', `${base()}/locks`, workshop.tokens.facilitator, {
        boardIds: [board],
        locked: false
      });
      expect(unlocked.body.locks).toEqual({});
      await waitFor(() => !isBoardLocked(screen.doc, board), 10_000, 'the unlock to reach the screen');
      // (The delegate whose edit was refused holds it locally; its later edits depend on it, so the
      // web app stops editing while a board is locked rather than relying on the refusal.)
      patient.doc.getMap('testMeta').set('after-unlock', true);
      await waitFor(() => witness.doc.getMap('testMeta').get('after-unlock') === true, 10_000, "the delegate's edit after unlocking");
      witness.destroy();
    } finally {
      facilitator.destroy();
      delegate.destroy();
      patient.destroy();
    }
    const unknown = await call(server, 'PUT', `${base()}/locks/not-a-board`, workshop.tokens.facilitator, { locked: true });
    expect(unknown.status).toBe(404);
  });

  it('sets a validated agenda', async () => {
    const [a, b] = workshop.boards.map((x) => x.id) as [string, string];
    const bad = await call<{ field: string }>(server, 'PUT', `${base()}/agenda`, workshop.tokens.facilitator, {
      sessions: [{ day: 2, start: '15:30', end: '14:00', title: 'Breakouts', boardIds: [a] }]
    });
    expect([bad.status, bad.body.field]).toEqual([400, 'sessions.0.end']);
    const foreign = await call<{ field: string }>(server, 'PUT', `${base()}/agenda`, workshop.tokens.facilitator, {
      sessions: [{ day: 2, start: '14:00', end: '15:30', title: 'Breakouts', boardIds: [a, 'elsewhere'] }]
    });
    expect([foreign.status, foreign.body.field]).toEqual([400, 'sessions.0.boardIds.1']);
    const ok = await call<{ sessions: { id: string }[] }>(server, 'PUT', `${base()}/agenda`, workshop.tokens.facilitator, {
      sessions: [
        { day: 1, date: '2025-06-02', start: '09:00', end: '10:30', title: 'Opening plenary', boardIds: [] },
        { day: 2, start: '14:00', end: '15:30', title: 'Breakouts on every theme', boardIds: [a, b] }
      ]
    });
    expect(ok.status).toBe(200);
    await waitFor(() => snapshotOf(screen).sessions.length === 2, 10_000, 'the agenda to reach the screen');
    expect(snapshotOf(screen).sessions[1]).toMatchObject({ day: 2, start: '14:00', end: '15:30', boardIds: [a, b], id: ok.body.sessions[1]!.id });
  });

  it('follows the facilitator and shows banners for all boards or one', async () => {
    const [a, b] = workshop.boards.map((x) => x.id) as [string, string];
    expect((await call(server, 'PUT', `${base()}/follow`, workshop.tokens.facilitator, { boardId: a, lane: 'agreed' })).status).toBe(200);
    await waitFor(() => snapshotOf(screen).follow?.lane === 'agreed', 10_000, 'follow-me to reach the screen');
    expect(snapshotOf(screen).follow).toMatchObject({ boardId: a, lane: 'agreed' });
    expect((await call(server, 'DELETE', `${base()}/follow`, workshop.tokens.facilitator)).status).toBe(200);
    await waitFor(() => snapshotOf(screen).follow === null, 10_000, 'follow-me to stop');

    await call(server, 'PUT', `${base()}/banner`, workshop.tokens.facilitator, { text: 'Ten minutes left' });
    await call(server, 'PUT', `${base()}/banner`, workshop.tokens.facilitator, { text: 'Ports group: room 4', boardId: b });
    await waitFor(() => bannerFor(screen.doc, b)?.text === 'Ports group: room 4', 10_000, "board b's banner");
    expect(bannerFor(screen.doc, a)?.text).toBe('Ten minutes left');
    await call(server, 'DELETE', `${base()}/banner?boardId=${b}`, workshop.tokens.facilitator);
    await waitFor(() => bannerFor(screen.doc, b)?.text === 'Ten minutes left', 10_000, "board b's own banner to go");
    const empty = await call<{ field: string }>(server, 'PUT', `${base()}/banner`, workshop.tokens.facilitator, { text: '' });
    expect([empty.status, empty.body.field]).toEqual([400, 'text']);
  });
});
