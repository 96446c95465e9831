/**
 * A restore is a live change: two y-websocket clients on the board (one on each of two instances
 * sharing Redis, so the restore crosses instances too) see the board turn back into the version
 * without reloading, and see it turn forward again when the restore is undone. The versions
 * themselves are kept in Redis next to the board.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addCard, moveCard, readBoard, setCardText } from '@plenary/shared/schema';
import type { VersionInfo } from '@plenary/shared/versions';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { REDIS_URL, deleteKeysUnder, describeRedis, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { call } from '../utils/http.ts';

describeRedis('restore seen live by two clients on two instances', () => {
  const prefix = uniqueKeyPrefix('versions-live');
  let one: PlenaryServer;
  let two: PlenaryServer;
  let workshop: CreatedWorkshop;
  let alice: TestClient;
  let bob: TestClient;
  beforeAll(async () => {
    const env = { REDIS_URL, KEY_PREFIX: prefix, SECRET: undefined };
    one = await startServer({ env });
    two = await startServer({ env });
    workshop = await one.createWorkshop({ title: 'Two halls', themes: ['文化 Culture'] });
  });
  afterAll(async () => {
    alice?.destroy();
    bob?.destroy();
    await one?.close();
    await two?.close();
    await deleteKeysUnder(prefix);
  });

  it('both clients see the restore and its undo as they happen', async () => {
    const boardId = workshop.boards[0]!.id;
    alice = connectClient(one.syncBase, boardId, workshop.tokens.delegate);
    bob = connectClient(two.syncBase, boardId, workshop.tokens.delegate);
    await Promise.all([alice.synced(), bob.synced()]);
    const base = { createdBy: 'Alice', authorCity: 'Phnom Penh', lang: 'km' } as const;
    const first = addCard(alice.doc, { ...base, kind: 'idea', text: 'ការផ្លាស់ប្តូរវប្បធម៌' });
    addCard(alice.doc, { ...base, kind: 'idea', text: '文化交流 Культурный обмен' });
    const same = (a: TestClient, b: TestClient) => JSON.stringify(readBoard(a.doc).cards) === JSON.stringify(readBoard(b.doc).cards);
    await waitFor(() => same(alice, bob), 15_000, 'bob to see alice’s cards');

    const facilitator = workshop.tokens.facilitator;
    await waitFor(
      async () => {
        const res = await one.fetch(`/api/boards/${boardId}/export.json?token=${facilitator}`);
        return ((await res.json()) as { boards: { snapshot: { cards: unknown[] } }[] }).boards[0]!.snapshot.cards.length === 2;
      },
      15_000,
      'the server to hold both ideas'
    );
    const saved = (await call<{ version: VersionInfo }>(one, 'POST', `/api/boards/${boardId}/versions`, facilitator, { label: 'two ideas' })).body.version;
    expect(saved.counts.ideas).toBe(2);
    const version = readBoard(alice.doc);

    // Bob changes the board; then a facilitator on the other instance restores the version.
    setCardText(bob.doc, first, 'text', 'เปลี่ยนแล้ว changed');
    moveCard(bob.doc, first, { lane: 'parked' });
    addCard(bob.doc, { ...base, kind: 'idea', text: '새로운 아이디어' });
    await waitFor(() => same(alice, bob), 15_000, 'alice to see bob’s changes');
    const changed = readBoard(bob.doc);
    await waitFor(
      async () => {
        const res = await call<{ now: { cards: unknown[] } }>(two, 'GET', `/api/boards/${boardId}/versions/${saved.id}/diff`, facilitator);
        return res.body.now.cards.length === 3;
      },
      15_000,
      'the server to hold bob’s changes'
    );

    const restored = await call<{ undoVersionId: string }>(two, 'POST', `/api/boards/${boardId}/versions/${saved.id}/restore`, facilitator);
    expect(restored.status).toBe(200);
    for (const client of [alice, bob]) {
      await waitFor(() => JSON.stringify(readBoard(client.doc).cards) === JSON.stringify(version.cards), 15_000, 'a client to see the restore');
    }

    const undone = await call(one, 'POST', `/api/boards/${boardId}/versions/${restored.body.undoVersionId}/restore`, facilitator);
    expect(undone.status).toBe(200);
    for (const client of [alice, bob]) {
      await waitFor(() => JSON.stringify(readBoard(client.doc).cards) === JSON.stringify(changed.cards), 15_000, 'a client to see the undo');
    }
    // Both instances list the same history from Redis.
    const [a, b] = await Promise.all(
      [one, two].map((s) => call<{ versions: VersionInfo[] }>(s, 'GET', `/api/boards/${boardId}/versions`, workshop.tokens.observer))
    );
    expect(a!.body.versions.map((v) => v.id)).toEqual(b!.body.versions.map((v) => v.id));
    expect(a!.body.versions.map((v) => v.auto)).toEqual(['restore', 'restore', null]);
  });
});
