/**
 * A Redis that keeps nothing on disk and restarts comes back empty. The server warns at start that
 * Redis keeps nothing, notices the loss when it reconnects, and writes back what it holds: every
 * loaded board in full, which device writes under which id there, and the records it knows (the
 * workshop, its boards, the signing secret).
 * A second instance started afterwards — no memory of its own — finds the workshop and the boards.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RedisStore } from '@plenary/server/persistence/redis-store.ts';
import { writerRecords } from '@plenary/server/sync/room-writer-ids.ts';
import { connectClient, newDeviceKey, type TestClient } from '../utils/clients.ts';
import { describePrivateRedis, startPrivateRedis, type PrivateRedis } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
const KEY_PREFIX = 'plenary-emptied-test';

describePrivateRedis('when Redis restarts empty', () => {
  let redis: PrivateRedis;
  let one: PlenaryServer;
  let two: PlenaryServer | undefined;
  let three: PlenaryServer | undefined;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    redis = await startPrivateRedis();
    one = await startServer({ env: { REDIS_URL: redis.url, KEY_PREFIX } });
    workshop = await one.createWorkshop({ title: 'Vanishing Redis', themes: ['Rivers', 'Schools'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.close();
    await two?.close();
    await three?.close();
    await redis?.close();
  });

  /** The board as the store holds it now: its state vector, or null when the store has nothing. */
  const storedState = async (board: string): Promise<number[] | null> => {
    const store = await RedisStore.open({ url: redis.url, keyPrefix: KEY_PREFIX, log: quiet });
    try {
      const stored = await store.loadDoc(board);
      if (!stored) return null;
      const doc = new Y.Doc();
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      return [...Y.encodeStateVector(doc)];
    } finally {
      await store.close();
    }
  };

  const storedPlan = async (board: string): Promise<Record<string, unknown>> => {
    const store = await RedisStore.open({ url: redis.url, keyPrefix: KEY_PREFIX, log: quiet });
    try {
      const doc = new Y.Doc();
      for (const u of (await store.loadDoc(board))?.updates ?? []) Y.applyUpdate(doc, u);
      return doc.getMap('plan').toJSON();
    } finally {
      await store.close();
    }
  };

  it('warns at start that Redis keeps nothing on disk', () => {
    expect(one.jsonLogs().some((l) => l.level === 40 && String(l.msg).includes('Redis keeps nothing on disk'))).toBe(true);
  });

  /** The board's stored writer ids, as records. */
  const storedWriters = async (board: string): Promise<string[]> => {
    const store = await RedisStore.open({ url: redis.url, keyPrefix: KEY_PREFIX, log: quiet });
    try {
      return await store.listRecords(writerRecords(board));
    } finally {
      await store.close();
    }
  };

  it('writes back the loaded boards and the workshop, so a fresh instance finds them', async () => {
    const board = workshop.boards[0]!.id;
    const a = connectClient(one.syncBase, board, workshop.tokens.delegate, { device: newDeviceKey() });
    clients.push(a);
    await a.synced();
    a.doc.getMap('plan').set('river', 'Clean-up day with both cities');
    await waitFor(async () => (await storedPlan(board)).river !== undefined, 10_000, 'the edit to be stored');
    await waitFor(async () => (await storedWriters(board)).length === 1, 10_000, "the device's writer id to be stored");
    const writers = await storedWriters(board);
    expect(writers[0]).toMatch(new RegExp(`^${a.doc.clientID} `));

    await redis.restart();
    await waitFor(async () => (await storedPlan(board)).river === 'Clean-up day with both cities', 20_000, 'the board to be written back');
    await waitFor(async () => (await storedWriters(board)).length > 0, 20_000, "the device's writer id to be written back");
    expect(await storedWriters(board)).toEqual(writers);
    // Editing goes on and is stored after the write-back too.
    a.doc.getMap('plan').set('school', 'Pen-pal classes');
    await waitFor(async () => (await storedPlan(board)).school === 'Pen-pal classes', 10_000, 'a later edit to be stored');

    // A fresh instance (nothing in memory) opens the workshop with the same links, and the board.
    two = await startServer({ env: { REDIS_URL: redis.url, KEY_PREFIX } });
    const res = await two.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.tokens.delegate}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { title?: string }).title).toBe('Vanishing Redis');
    const fresh = connectClient(two.syncBase, board, workshop.tokens.observer);
    clients.push(fresh);
    await fresh.synced();
    expect(fresh.doc.getMap('plan').toJSON()).toEqual({ river: 'Clean-up day with both cities', school: 'Pen-pal classes' });
  });

  it('writes back a board it still answers from the stored bytes (its own copy not built yet)', async () => {
    // Nothing asks this instance to build its copy of a board: it answers from what it read.
    three = await startServer({ env: { REDIS_URL: redis.url, KEY_PREFIX, LOAD_QUIET_MS: '60000', LOAD_MAX_DEFER_MS: '60000' } });
    const other = await three.createWorkshop({ title: 'Read, not built', themes: ['Harbours'] });
    const board = other.boards[0]!.id;
    const before = await storedState(board);
    expect(before).not.toBeNull();
    const watcher = connectClient(three.syncBase, board, other.tokens.observer);
    clients.push(watcher);
    await watcher.synced();
    expect(three.jsonLogs().some((l) => l.msg === 'document loaded' && l.doc === board)).toBe(false);

    await redis.restart();
    await waitFor(async () => JSON.stringify(await storedState(board)) === JSON.stringify(before), 20_000, 'the board read but not built to be written back');
  });
});
