/**
 * A Redis that hangs (connections stay open, nothing is answered) rather than going away: the
 * server reaches Redis through a proxy that stops forwarding. Edits keep flowing between the
 * clients of the instance from memory, /healthz answers 503, and once Redis answers again
 * everything accepted meanwhile is stored — a fresh client after a restart sees it all.
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

const health = async (server: PlenaryServer) => {
  const res = await server.fetch('/healthz');
  return { status: res.status, body: (await res.json()) as { ok?: boolean; storeAnswers?: boolean } };
};

describeRedis('when Redis hangs', () => {
  const prefix = uniqueKeyPrefix('redis-hang');
  let proxy: RedisProxy;
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    proxy = await startRedisProxy(REDIS_URL);
    server = await startServer({ env: { REDIS_URL: proxy.url, KEY_PREFIX: prefix } });
    workshop = await server.createWorkshop({ title: 'Stuck Redis', themes: ['Culture'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    await proxy?.close();
    await deleteKeysUnder(prefix);
  });

  it('keeps edits flowing, reports 503, and stores everything once Redis answers again', async () => {
    const board = workshop.boards[0]!.id;
    const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
    const b = connectClient(server.syncBase, board, workshop.tokens.delegate);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getMap('plan').set('before', 'Written before Redis hung');
    await waitFor(() => b.doc.getMap('plan').has('before'), 10_000, 'the first edit to reach B');

    proxy.hold('all');
    await waitFor(async () => (await health(server)).status === 503, 10_000, '/healthz to report 503');
    expect((await health(server)).body).toEqual(expect.objectContaining({ ok: false, storeAnswers: false }));

    for (let i = 0; i < 10; i++) a.doc.getMap('plan').set(`during-${i}`, `Accepted while Redis hung ${i}`);
    b.doc.getText('notes').insert(0, 'Typed by B while Redis hung');
    await waitFor(() => b.doc.getMap('plan').has('during-9') && a.doc.getText('notes').length > 0, 10_000, 'edits to keep flowing between A and B');
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);

    proxy.release();
    await waitFor(async () => (await health(server)).status === 200, 20_000, '/healthz to report 200 again');
    const store = await RedisStore.open({ url: REDIS_URL, keyPrefix: prefix, log: quiet });
    try {
      await waitFor(
        async () => {
          const doc = new Y.Doc();
          for (const u of (await store.loadDoc(board))?.updates ?? []) Y.applyUpdate(doc, u);
          return doc.getMap('plan').has('during-9') && doc.getText('notes').toString() === 'Typed by B while Redis hung';
        },
        20_000,
        'the edits made while Redis hung to be stored'
      );
    } finally {
      await store.close();
    }

    for (const c of clients.splice(0)) c.destroy();
    await server.kill('SIGKILL');
    await server.restart();
    const fresh = connectClient(server.syncBase, board, workshop.tokens.observer);
    clients.push(fresh);
    await fresh.synced();
    const plan = fresh.doc.getMap('plan');
    expect(plan.get('before')).toBe('Written before Redis hung');
    for (let i = 0; i < 10; i++) expect(plan.get(`during-${i}`)).toBe(`Accepted while Redis hung ${i}`);
    expect(fresh.doc.getText('notes').toString()).toBe('Typed by B while Redis hung');
  });

  it('stops on SIGTERM while Redis hangs, saying what it could not write, and the clients bring the edit back', async () => {
    const board = workshop.boards[0]!.id;
    const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
    const b = connectClient(server.syncBase, board, workshop.tokens.delegate);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    proxy.hold('all');
    a.doc.getMap('plan').set('at-shutdown', 'Typed as the server stopped');
    // B seeing it proves the server accepted it (it cannot have stored it).
    await waitFor(() => b.doc.getMap('plan').has('at-shutdown'), 10_000, 'the edit to reach B');
    const exit = await server.kill('SIGTERM');
    // It gave up on the store after its drain deadline and exited by itself (not SIGKILLed by the test).
    expect(exit).toEqual({ code: 1, signal: null });
    expect(server.jsonLogs().some((l) => l.msg === 'could not write these boards before exiting')).toBe(true);

    proxy.release();
    await server.restart();
    // The device still holds the edit and sends it again when it reconnects.
    const store = await RedisStore.open({ url: REDIS_URL, keyPrefix: prefix, log: quiet });
    try {
      await waitFor(
        async () => {
          const doc = new Y.Doc();
          for (const u of (await store.loadDoc(board))?.updates ?? []) Y.applyUpdate(doc, u);
          return doc.getMap('plan').get('at-shutdown') === 'Typed as the server stopped';
        },
        30_000,
        'the edit to be stored after the reconnect'
      );
    } finally {
      await store.close();
    }
  });
});
