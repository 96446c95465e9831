/**
 * Two instances on one Redis, one killed with SIGKILL: an edit any client has seen must be in the
 * store. Instance 1 reaches Redis through a proxy that can hold its store writes (its Lua script
 * calls) while its fan-out flows, so "shown elsewhere but not yet stored" cannot slip through a
 * timing window: an instance publishes its clients' edits only once they are stored. The author's
 * edit is not lost either: its client holds it and sends it to the surviving instance.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RedisStore } from '@plenary/server/persistence/redis-store.ts';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { REDIS_URL, deleteKeysUnder, describeRedis, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { startRedisProxy, type RedisProxy } from './support/redis-proxy.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

const names = (c: TestClient): string[] =>
  [...c.awareness.getStates().values()].flatMap((s) => {
    const name = (s.user as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? [name] : [];
  });

describeRedis('two instances, one killed', () => {
  const prefix = uniqueKeyPrefix('instance-killed');
  let proxy: RedisProxy;
  let one: PlenaryServer;
  let two: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    proxy = await startRedisProxy(REDIS_URL);
    one = await startServer({ env: { REDIS_URL: proxy.url, KEY_PREFIX: prefix, SECRET: undefined } });
    two = await startServer({ env: { REDIS_URL, KEY_PREFIX: prefix, SECRET: undefined } });
    workshop = await two.createWorkshop({ title: 'Two halls', themes: ['Ports'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.close();
    await two?.close();
    await proxy?.close();
    await deleteKeysUnder(prefix);
  });

  const storedDoc = async (board: string): Promise<Y.Doc> => {
    const store = await RedisStore.open({ url: REDIS_URL, keyPrefix: prefix, log: quiet });
    try {
      const doc = new Y.Doc();
      for (const u of (await store.loadDoc(board))?.updates ?? []) Y.applyUpdate(doc, u);
      return doc;
    } finally {
      await store.close();
    }
  };

  it("stores every edit a client on the surviving instance has seen, and loses none of the killed instance's", async () => {
    const board = workshop.boards[0]!.id;
    const a = connectClient(one.syncBase, board, workshop.tokens.delegate, { user: { name: 'Ana' } });
    const b = connectClient(two.syncBase, board, workshop.tokens.delegate, { user: { name: 'Budi' } });
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getMap('plan').set('before', 'Ferry timetable');
    await waitFor(() => b.doc.getMap('plan').has('before'), 10_000, 'the first edit to cross instances');

    // Instance 1's store stalls; its fan-out does not.
    proxy.hold('scripts');
    a.doc.getMap('plan').set('during', 'Shared berth for the sister-city ferry');
    // Presence goes out at once, after the edit: once B sees it, B has seen whatever was published before it.
    a.awareness.setLocalStateField('user', { name: 'Ana (after the edit)' });
    await waitFor(() => names(b).includes('Ana (after the edit)'), 10_000, "A's later presence to reach B");
    const seenByB = b.doc.getMap('plan').has('during');

    await one.kill('SIGKILL');

    // What B saw is stored; an edit that was not stored was not shown on instance 2.
    const stored = await storedDoc(board);
    expect(stored.getMap('plan').get('before')).toBe('Ferry timetable');
    expect({ seenByB, stored: stored.getMap('plan').has('during') }).toEqual({ seenByB: false, stored: false });

    // A's device still holds its edit and gives it to the surviving instance when it reconnects there.
    const aAgain = connectClient(two.syncBase, board, workshop.tokens.delegate);
    clients.push(aAgain);
    Y.applyUpdate(aAgain.doc, Y.encodeStateAsUpdate(a.doc));
    a.destroy();
    await aAgain.synced();
    await waitFor(() => b.doc.getMap('plan').has('during'), 10_000, "A's edit to reach B through instance 2");
    await waitFor(async () => (await storedDoc(board)).getMap('plan').has('during'), 10_000, "A's edit to be stored");

    // And a reload of B (a fresh device on instance 2 after a restart) shows everything.
    await two.kill('SIGKILL');
    await two.restart();
    const reload = connectClient(two.syncBase, board, workshop.tokens.observer);
    clients.push(reload);
    await reload.synced();
    expect(reload.doc.getMap('plan').toJSON()).toEqual({ before: 'Ferry timetable', during: 'Shared berth for the sister-city ferry' });
  });
});
