/**
 * Presence (y-protocols awareness) through the server: every client sees who else is on the
 * board, a client that joins without presence (a projector) and announces it later is neither
 * refused nor mistaken for someone else, and a client that leaves disappears for everyone. A
 * provider echoes every presence it receives, its own too: the server must not answer an echo of
 * its own frame, or presence bounces between them until the rate limit closes the board's
 * connections (it did after every reconnect).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, frames, openRaw, syncUrl, type RawClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const names = (c: TestClient): string[] =>
  [...c.awareness.getStates().values()].flatMap((s) => {
    const name = (s.user as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? [name] : [];
  });

describe('presence through the server', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Presence', themes: ['Culture'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });

  it('shows each client the others, and removes a client that leaves', async () => {
    const board = workshop.boards[0]!.id;
    const a = connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: 'Ana' } });
    const b = connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: 'Budi' } });
    clients.push(a, b);
    await waitFor(() => names(a).includes('Budi') && names(b).includes('Ana'), 10_000, 'A and B to see each other');
    a.destroy();
    await waitFor(() => !names(b).includes('Ana'), 10_000, 'Ana to disappear for B');
  });

  it('accepts a client that joins without presence, echoes others, and announces itself later', async () => {
    const board = workshop.boards[0]!.id;
    const present = connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: 'Chen' } });
    clients.push(present);
    await present.synced();
    // A projector: no presence of its own when it connects, so the first awareness message it
    // sends is the provider echoing Chen's state back to the server.
    const late = connectClient(server.syncBase, board, workshop.tokens.facilitator);
    late.awareness.setLocalState(null);
    clients.push(late);
    await late.synced();
    await waitFor(() => names(late).includes('Chen'), 10_000, "the late client to see Chen's presence");

    late.awareness.setLocalState({ user: { name: 'Projector' } });
    await waitFor(() => names(present).includes('Projector') || late.closes.length > 0, 10_000, "the projector's presence to reach Chen");
    expect(late.closes).toEqual([]);
    expect(names(present)).toContain('Projector');
    expect(names(present)).toContain('Chen');
    expect(late.provider.wsconnected).toBe(true);
  });

  it('shows a client again promptly after its connection dropped and came back (hotel Wi-Fi)', async () => {
    const board = workshop.boards[0]!.id;
    const watcher = connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: 'Watcher' } });
    const roaming = connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: 'Dara' } });
    clients.push(watcher, roaming);
    await waitFor(() => names(watcher).includes('Dara'), 10_000, 'Dara to be seen');
    // The socket dies without a goodbye; the provider reconnects by itself.
    (roaming.provider.ws as unknown as { terminate(): void }).terminate();
    await waitFor(() => !names(watcher).includes('Dara'), 10_000, 'Dara to disappear while away');
    await waitFor(() => roaming.provider.synced, 10_000, 'Dara to reconnect');
    // Presence renews every 15 s; seeing Dara before that means the reconnect itself restored it.
    await waitFor(() => names(watcher).includes('Dara'), 5_000, 'Dara to be seen again after reconnecting');
  });

  describe('a client back after a dropped connection', () => {
    let ID = 7_001_000;
    const present = { user: { name: 'Echo' } };
    const clockOf = (raw: RawClient): number | undefined => raw.awareness.meta.get(ID)?.clock;
    const raws: RawClient[] = [];
    // A board of its own: nobody else's presence reaches these clients, so any frame after the
    // echo tells what the room made of it.
    let boardId: string;
    let token: string;
    beforeAll(async () => {
      const own = await server.createWorkshop({ title: 'Echoes', themes: ['Culture'] });
      boardId = own.boards[0]!.id;
      token = own.tokens.delegate;
    });
    afterAll(() => raws.forEach((r) => r.destroy()));

    /** Announces ID at clock 1, drops, and comes back announcing the same state at the same clock. */
    const comeBack = async (): Promise<RawClient> => {
      ID++;
      const url = syncUrl(server.syncBase, boardId, token);
      const first = await openRaw(url);
      raws.push(first);
      await first.handshake();
      first.send(frames.awareness([{ clientID: ID, clock: 1, state: present }]));
      await waitFor(() => clockOf(first) === 1, 10_000, 'the room to hold the presence');
      first.destroy();
      const again = await openRaw(url);
      raws.push(again);
      await again.handshake();
      again.send(frames.awareness([{ clientID: ID, clock: 1, state: present }]));
      // The room forgot the state but kept its clock: it shows the client again one clock later.
      await waitFor(() => clockOf(again) === 2, 10_000, 'the presence to be shown again');
      return again;
    };

    it('is not answered when it echoes its own presence back unchanged', async () => {
      const raw = await comeBack();
      // What a provider does on receiving its own state at a newer clock: send it back as it is.
      const before = raw.received.length;
      raw.send(frames.awareness([{ clientID: ID, clock: 2, state: present }]));
      raw.send(frames.queryAwareness());
      await waitFor(() => raw.received.length > before, 10_000, 'the answer to the query');
      // Any frame after the echo carries the room's clock: an echo taken as news would have moved it.
      expect(clockOf(raw)).toBe(2);
      expect(raw.closed).toBeNull();
      raw.destroy();
    });

    it('is heard when it says something new at the clock the room moved to', async () => {
      const raw = await comeBack();
      // It changed its presence before hearing that the room had moved its clock.
      raw.send(frames.awareness([{ clientID: ID, clock: 2, state: { ...present, editing: 'card-1' } }]));
      await waitFor(() => (raw.awareness.getStates().get(ID) as { editing?: string } | undefined)?.editing === 'card-1', 10_000, 'the new presence');
      expect(clockOf(raw)).toBe(3);
      raw.destroy();
    });
  });
});
