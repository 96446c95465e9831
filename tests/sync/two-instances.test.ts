/**
 * Several instances on one Redis: two servers started with the same REDIS_URL and KEY_PREFIX (and
 * no SECRET: the generated one is kept in Redis and shared) on different ports serve the same
 * boards. A token issued by one works on the other; clients on each converge; presence crosses;
 * a client that vanishes from one disappears from the other's presence, and whoever opens a board
 * on the second instance sees at once who is present on the first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, frames, newDeviceKey, openRaw, syncUrl, type TestClient } from '../utils/clients.ts';
import { REDIS_URL, deleteKeysUnder, describeRedis, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const names = (c: TestClient): string[] =>
  [...c.awareness.getStates().values()].flatMap((s) => {
    const name = (s.user as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? [name] : [];
  });

describeRedis('two instances on one Redis', () => {
  const prefix = uniqueKeyPrefix('two-instances');
  let one: PlenaryServer;
  let two: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    const env = { REDIS_URL, KEY_PREFIX: prefix, SECRET: undefined };
    one = await startServer({ env });
    two = await startServer({ env });
    workshop = await one.createWorkshop({ title: 'Two halls', themes: ['Environment', 'Trade'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.close();
    await two?.close();
    await deleteKeysUnder(prefix);
  });

  it('serves on two ports, and a token issued by instance 1 opens the workshop on instance 2', async () => {
    expect(one.port).not.toBe(two.port);
    const res = await two.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.tokens.delegate}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { boards: unknown }).boards).toEqual(workshop.boards);
    const raw = await openRaw(syncUrl(two.syncBase, workshop.boards[1]!.id, workshop.tokens.observer));
    raw.destroy();
  });

  it('converges a client on each instance, presence included', async () => {
    const board = workshop.boards[0]!.id;
    const a = connectClient(one.syncBase, board, workshop.tokens.delegate, { user: { name: 'Ana', city: 'Porto' } });
    const b = connectClient(two.syncBase, board, workshop.tokens.facilitator, { user: { name: 'Budi', city: 'Surabaya' } });
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 10; i++) {
      a.doc.getMap('testCards').set(`porto-${i}`, `Tram line ${i}`);
      b.doc.getText('plan').insert(0, `${i} `);
    }
    await waitFor(
      () =>
        a.doc.getMap('testCards').size === 10 &&
        b.doc.getMap('testCards').size === 10 &&
        a.doc.getText('plan').length === 20 &&
        b.doc.getText('plan').length === 20,
      20_000,
      'both clients to have every edit'
    );
    expect(Buffer.from(Y.encodeStateVector(a.doc))).toEqual(Buffer.from(Y.encodeStateVector(b.doc)));
    expect(a.doc.getText('plan').toString()).toBe(b.doc.getText('plan').toString());
    await waitFor(() => names(a).includes('Budi') && names(b).includes('Ana'), 20_000, 'presence to cross between instances');
  });

  it('shows whoever opens a board on instance 2 the people already on it on instance 1, at once', async () => {
    // A workshop of its own: the boards above are open on both instances already.
    const hall = await one.createWorkshop({ title: 'Late hall', themes: ['Youth'] });
    const board = hall.boards[0]!.id;
    const early = connectClient(one.syncBase, board, hall.tokens.delegate, { device: newDeviceKey(), user: { name: 'Dara', city: 'Phnom Penh' } });
    clients.push(early);
    await early.synced();
    // Instance 2 has not opened the board yet: it hears nothing of Dara's arrival.
    const late = connectClient(two.syncBase, board, hall.tokens.delegate, { device: newDeviceKey(), user: { name: 'Erdene', city: 'Ulaanbaatar' } });
    clients.push(late);
    await late.synced();
    // Dara's presence renews itself every 15 s; before instance 2 asked, Erdene saw her only then.
    // So the wait stays well under 15 s from her arrival, or it would prove nothing.
    await waitFor(() => names(late).includes('Dara'), 8_000, "Dara's presence to reach the person who opened the board on instance 2");
    await waitFor(() => names(early).includes('Erdene'), 8_000, "Erdene's presence to reach Dara");
  });

  it('removes from presence on instance 2 a client whose socket vanished on instance 1', async () => {
    const board = workshop.boards[0]!.id;
    const b = clients[1]!;
    const raw = await openRaw(syncUrl(one.syncBase, board, workshop.tokens.delegate));
    await raw.handshake();
    const clientID = 1_000_000 + Math.floor(Math.random() * 1_000_000);
    raw.send(frames.awareness([{ clientID, clock: 1, state: { user: { name: 'Chen', city: 'Suzhou' } } }]));
    await waitFor(() => names(b).includes('Chen'), 10_000, "Chen's presence to reach instance 2");
    // No goodbye message: the socket just goes (Wi-Fi gone). Instance 1 must clear it everywhere.
    raw.ws.terminate();
    raw.destroy();
    // Well before the 30 s after which clients drop stale presence by themselves.
    await waitFor(() => !names(b).includes('Chen'), 10_000, "Chen's presence to be removed on instance 2");
    expect(names(b)).toContain('Ana');
  });

  it('removes a provider that leaves instance 1 from presence on instance 2', async () => {
    const [a, b] = clients as [TestClient, TestClient];
    a.destroy();
    await waitFor(() => !names(b).includes('Ana'), 10_000, "Ana's presence to be removed on instance 2");
  });
});
