/**
 * Exports render off the event loop behind a bounded queue. A real server with one render slot
 * and no waiting places (EXPORT_CONCURRENCY=1, EXPORT_QUEUE=0) and two boards of 2,000 cards
 * written by real y-websocket clients:
 *  - while the workshop's Word export renders, an edit on another board travels from one client to
 *    another through the server, and the export is still rendering when it has arrived (on an event
 *    loop busy rendering, the edit would wait for the export);
 *  - an export asked for while the slot is taken is refused at once with 503 and Retry-After.
 * The queue's state is read from GET /api/exports/queue, so nothing here depends on timing.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, readBoard } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { writeRawCards } from '../export/raw-cards.ts';

/** Boards of 2,000 cards (the most a board holds): one workshop export long enough to sync beside. */
const BIG_BOARDS = 2;
const CARDS_PER_BOARD = 2_000;
const BATCH = 500;
const base = { createdBy: 'Linh', authorCity: 'Hanoi', lang: 'en' } as const;

interface QueueState {
  running: number;
  waiting: number;
}

describe('exports off the event loop, behind a bounded queue', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  let otherBoard: string;

  const get = (url: string) => server.fetch(url, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } });
  const queue = async (): Promise<QueueState> => (await (await server.fetch('/api/exports/queue')).json()) as QueueState;
  const connect = async (boardId: string) => {
    const client = connectClient(server.syncBase, boardId, workshop.tokens.facilitator);
    clients.push(client);
    await client.synced(60_000);
    return client;
  };
  /** Starts the workshop's Word export; resolves once it holds the render slot, with its response to come. */
  const startBigExport = async (): Promise<{ response: Promise<Response> }> => {
    const response = get(`/api/workshops/${workshop.id}/export.docx`);
    await waitFor(async () => (await queue()).running === 1, 60_000, 'the big export to start rendering');
    return { response };
  };

  beforeAll(async () => {
    server = await startServer({ env: { EXPORT_CONCURRENCY: '1', EXPORT_QUEUE: '0' } });
    const themes = [...Array.from({ length: BIG_BOARDS }, (_, i) => `Theme ${i + 1}`), 'Other'];
    workshop = await server.createWorkshop({ title: 'Closing session', themes });
    otherBoard = workshop.boards[BIG_BOARDS]!.id;
    for (const board of workshop.boards.slice(0, BIG_BOARDS)) {
      const writer = await connect(board.id);
      // Written field by field, as any client can, in batches under the largest message.
      for (let i = 0; i < CARDS_PER_BOARD; i += BATCH) writeRawCards(writer.doc, BATCH, i);
      // A fresh client sees what the server holds.
      const reader = await connect(board.id);
      await waitFor(() => readBoard(reader.doc).cards.length === CARDS_PER_BOARD, 60_000, 'the server to hold every card');
    }
  }, 180_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });

  it('syncs another board while a 4,000-card Word export of the workshop renders', { timeout: 180_000 }, async () => {
    const [alice, bob] = [await connect(otherBoard), await connect(otherBoard)];
    const { response: exporting } = await startBigExport();
    const id = addCard(alice.doc, { ...base, kind: 'idea', text: 'Bus lanes on the ring road' });
    await waitFor(
      () => readBoard(bob.doc).cards.some((c) => c.id === id && c.kind === 'idea' && c.text === 'Bus lanes on the ring road'),
      60_000,
      'the edit to reach the other client'
    );
    // The edit went through the server while the export still held its slot.
    expect((await queue()).running).toBe(1);
    const res = await exporting;
    expect(res.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    expect(xml).toContain(`Action ${CARDS_PER_BOARD - 4}`);
  });

  it('refuses an export past the queue with 503 and Retry-After, and serves it once the slot is free', { timeout: 180_000 }, async () => {
    const { response: exporting } = await startBigExport();
    const refused = await get(`/api/boards/${otherBoard}/export.csv`);
    expect(refused.status).toBe(503);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    const body = (await refused.json()) as { error: string; retryAfter: number };
    expect(body.retryAfter).toBe(retryAfter);
    expect(body.error).toMatch(/try again/);
    expect((await exporting).status).toBe(200);
    await waitFor(async () => (await queue()).running === 0, 30_000, 'the slot to be free');
    expect((await get(`/api/boards/${otherBoard}/export.csv`)).status).toBe(200);
  });
});
