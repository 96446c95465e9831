/**
 * Presence (y-protocols awareness) through the server: every client sees who else is on the
 * board, a client that joins without presence (a projector) and announces it later is neither
 * refused nor mistaken for someone else, and a client that leaves disappears for everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../utils/clients.ts';
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
});
