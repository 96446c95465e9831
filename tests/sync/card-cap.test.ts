/**
 * A board holds at most Limits.maxCards cards, enforced by the server: a raw client that adds
 * cards past the cap has them taken back and is told 'board-full'; up to the cap is accepted, and
 * deleting still works once the board is full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DenyReason } from '@plenary/shared/protocol';
import { Limits, getCardsMap } from '@plenary/shared/schema';
import { connectClient, frames, openRaw, syncUrl, type RawClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

/** The update adding `count` bare card maps (ids prefixed with `tag`) to the raw client's copy of the board. */
const addCards = (doc: Y.Doc, tag: string, count: number): Uint8Array => {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (update = u);
  doc.once('update', capture);
  doc.transact(() => {
    const cards = getCardsMap(doc);
    for (let i = 0; i < count; i++) {
      const card = new Y.Map<unknown>();
      cards.set(`${tag}-${i}`, card);
      card.set('kind', 'idea');
    }
  });
  return update!;
};

describe('the card limit of a board', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Card cap', themes: ['Energy'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.destroy();
    await server?.close();
  });

  const freshCount = async (board: string): Promise<number> => {
    const reader = connectClient(server.syncBase, board, workshop.tokens.observer);
    clients.push(reader);
    await reader.synced();
    const size = getCardsMap(reader.doc).size;
    reader.destroy();
    return size;
  };

  it('takes back cards past the cap with board-full, accepts up to the cap, and still accepts deletions', async () => {
    const board = workshop.boards[0]!.id;
    const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    raws.push(raw);
    await raw.handshake();
    const base = getCardsMap(raw.doc).size;

    // 20 000 cards in one update: every one is taken back.
    raw.send(frames.update(addCards(raw.doc, 'flood', 20_000)));
    await waitFor(() => raw.denied.includes(DenyReason.boardFull), 20_000, "the raw client to be told 'board-full'");
    await waitFor(() => getCardsMap(raw.doc).size === base, 20_000, 'the flood to be taken back on the raw client');
    expect(await freshCount(board)).toBe(base);

    // Filling the board to exactly the cap is accepted.
    raw.send(frames.update(addCards(raw.doc, 'fill', Limits.maxCards - base)));
    await waitFor(async () => (await freshCount(board)) === Limits.maxCards, 20_000, 'the board to hold exactly the cap');
    const deniedBefore = raw.denied.length;

    // One more is taken back.
    raw.send(frames.update(addCards(raw.doc, 'one-more', 1)));
    await waitFor(() => raw.denied.length > deniedBefore, 20_000, 'the extra card to be refused');
    expect(raw.denied.at(-1)).toBe(DenyReason.boardFull);
    await waitFor(() => !getCardsMap(raw.doc).has('one-more-0'), 20_000, 'the extra card to be taken back');

    // Deleting works on a full board, and makes room again.
    let deletion: Uint8Array | null = null;
    raw.doc.once('update', (u: Uint8Array) => (deletion = u));
    getCardsMap(raw.doc).delete('fill-0');
    raw.send(frames.update(deletion!));
    await waitFor(async () => (await freshCount(board)) === Limits.maxCards - 1, 20_000, 'the deletion to be accepted');
    raw.send(frames.update(addCards(raw.doc, 'after-delete', 1)));
    await waitFor(async () => (await freshCount(board)) === Limits.maxCards, 20_000, 'a card to fit again after a deletion');
    expect(raw.closed).toBeNull();
    expect((await server.fetch('/healthz')).status).toBe(200);
  });
});
