/**
 * Redis going away (the hotel's server room): connected rooms keep syncing from memory, /healthz
 * answers 503, the server reconnects when Redis is back and writes what it accepted meanwhile;
 * after a restart of the server a fresh client sees the edits made during the outage.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisStore } from '@plenary/server/persistence/redis-store.ts';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { describePrivateRedis } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { startOwnRedis, type OwnRedis } from './support/own-redis.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
const KEY_PREFIX = 'plenary-outage-test';

const health = async (server: PlenaryServer) => {
  const res = await server.fetch('/healthz');
  return { status: res.status, body: (await res.json()) as { ok?: boolean; store?: string } };
};

describePrivateRedis('when Redis goes away', () => {
  let redis: OwnRedis;
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    redis = await startOwnRedis();
    server = await startServer({ env: { REDIS_URL: redis.url, KEY_PREFIX } });
    workshop = await server.createWorkshop({ title: 'Outage', themes: ['Culture'] });
    board = workshop.boards[0]!.id;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    await redis?.close();
  });

  it('keeps connected rooms syncing, reports 503, and writes what it accepted once Redis is back', async () => {
    expect(await health(server)).toEqual({ status: 200, body: expect.objectContaining({ ok: true, store: 'redis' }) });
    const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
    const b = connectClient(server.syncBase, board, workshop.tokens.delegate);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getMap('testCards').set('before', 'Written before the outage');
    await waitFor(() => b.doc.getMap('testCards').get('before') !== undefined, 10_000, 'the first edit to reach B');

    await redis.stop();
    await waitFor(async () => (await health(server)).status === 503, 10_000, '/healthz to report 503');
    expect((await health(server)).body.ok).toBe(false);

    for (let i = 0; i < 10; i++) a.doc.getMap('testCards').set(`during-${i}`, `Accepted during the outage ${i}`);
    b.doc.getText('plan').insert(0, 'Typed by B during the outage');
    await waitFor(
      () => b.doc.getMap('testCards').get('during-9') !== undefined && a.doc.getText('plan').length > 0,
      10_000,
      'edits to keep flowing between A and B from memory'
    );
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);

    await redis.start();
    await waitFor(async () => (await health(server)).status === 200, 20_000, '/healthz to report 200 again');

    // What was accepted during the outage reaches Redis without anyone editing again.
    const store = await RedisStore.open({ url: redis.url, keyPrefix: KEY_PREFIX, log: quiet });
    try {
      await waitFor(
        async () => {
          const stored = await store.loadDoc(board);
          if (!stored) return false;
          const doc = new Y.Doc();
          for (const u of stored.updates) Y.applyUpdate(doc, u);
          return doc.getMap('testCards').get('during-9') !== undefined && doc.getText('plan').toString() === 'Typed by B during the outage';
        },
        20_000,
        'the outage edits to be written to Redis'
      );
    } finally {
      await store.close();
    }
  });

  it('shows a fresh client every edit after the server restarts', async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.kill('SIGKILL');
    await server.restart();
    const fresh = connectClient(server.syncBase, board, workshop.tokens.observer);
    clients.push(fresh);
    await fresh.synced();
    const cards = fresh.doc.getMap('testCards');
    expect(cards.get('before')).toBe('Written before the outage');
    for (let i = 0; i < 10; i++) expect(cards.get(`during-${i}`)).toBe(`Accepted during the outage ${i}`);
    expect(fresh.doc.getText('plan').toString()).toBe('Typed by B during the outage');
  });
});
