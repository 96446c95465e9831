/**
 * The versions service stores each version compressed (server/src/versions/version-bytes.ts) and
 * opens, compares and restores versions saved as plain JSON by servers before that, on a real
 * embedded store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '@plenary/shared/schema';
import { isCompressedVersion } from '@plenary/server/versions/version-bytes.ts';
import { addManyCards } from '../utils/realistic-cards.ts';
import { createInProcessApp, fromLoopback } from './support/app.ts';

describe('versions in the store', () => {
  const { services, store, app, close } = createInProcessApp('plenary-version-bytes-');
  let board: string;

  beforeAll(async () => {
    const res = await app.request(
      '/api/workshops',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Sister cities', themes: ['Environment'] }) },
      fromLoopback
    );
    board = ((await res.json()) as { boards: { id: string }[] }).boards[0]!.id;
    await services.control.withBoard(board, (doc) => addManyCards(doc, 200));
  });
  afterAll(() => close());

  it('stores a version compressed and opens it as it was saved', async () => {
    const saved = await services.versions.save(board, { label: 'Day 2', author: 'Facilitator' });
    const stored = await store.getVersion(board, saved.id);
    const json = JSON.stringify(await services.control.readBoard(board, (doc) => readBoard(doc)));
    expect(isCompressedVersion(stored!.data)).toBe(true);
    expect(stored!.data.length).toBeLessThan(json.length / 5);
    const opened = await services.versions.get(board, saved.id);
    expect(opened!.snapshot.cards).toHaveLength(200);
    expect(JSON.stringify(opened!.snapshot)).toBe(json);
  });

  it('opens and restores a version an earlier server saved as plain JSON', async () => {
    const before = await services.control.readBoard(board, (doc) => readBoard(doc));
    const legacy = { ...before, cards: before.cards.slice(0, 20) };
    const entry = {
      id: 'legacy-version',
      createdAt: new Date().toISOString(),
      auto: false,
      meta: JSON.stringify({ boardId: board, label: 'Day 1', author: 'Facilitator', auto: null, counts: {} })
    };
    await store.saveVersion(board, entry, new TextEncoder().encode(JSON.stringify(legacy)));
    const opened = await services.versions.get(board, entry.id);
    expect(opened!.snapshot).toEqual(legacy);
    const restored = await services.versions.restore(board, entry.id, 'Facilitator');
    expect(restored!.restored.id).toBe(entry.id);
    expect((await services.control.readBoard(board, (doc) => readBoard(doc))).cards).toHaveLength(20);
    // The "before" version the restore saved is compressed and holds the 200 cards.
    expect(isCompressedVersion((await store.getVersion(board, restored!.before.id))!.data)).toBe(true);
    expect((await services.versions.get(board, restored!.before.id))!.snapshot.cards).toHaveLength(200);
  });
});
