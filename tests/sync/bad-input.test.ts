/**
 * Bad input: a truncated or malformed frame, an unknown message type, a garbage update, awareness
 * with absurd lengths, a frame over MAX_MESSAGE_BYTES, a text frame, a flood over the rate limit,
 * awareness describing someone else's client. Each closes only the offending connection, with the
 * named close code from shared/; the process, the document and every other client go on
 * unaffected; nothing malformed is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode, MessageTag, SyncStep } from '@plenary/shared/protocol';
import { connectClient, frames, openRaw, syncUrl, updateOf, type RawClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const MAX_MESSAGE_BYTES = 64 * 1024;
const RATE_LIMIT_PER_SEC = 50;
const RATE_LIMIT_BURST = 100;

const bytes = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

const nameOf = (state: Record<string, unknown> | undefined): unknown => (state?.user as { name?: unknown } | undefined)?.name;

describe('bad input closes only the offending connection', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  let bystander: TestClient;
  let writer: TestClient;
  let edits = 0;

  beforeAll(async () => {
    server = await startServer({
      env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES), RATE_LIMIT_PER_SEC: String(RATE_LIMIT_PER_SEC), RATE_LIMIT_BURST: String(RATE_LIMIT_BURST) }
    });
    workshop = await server.createWorkshop({ title: 'Hostile Wi-Fi', themes: ['Environment'] });
    board = workshop.boards[0]!.id;
    bystander = connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: 'Bystander' } });
    writer = connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: 'Writer' } });
    await Promise.all([bystander.synced(), writer.synced()]);
    await waitFor(
      () => nameOf(writer.awareness.getStates().get(bystander.doc.clientID)) === 'Bystander',
      10_000,
      "the bystander's presence to reach the writer"
    );
  });
  afterAll(async () => {
    bystander?.destroy();
    writer?.destroy();
    await server?.close();
  });

  /** Another client keeps syncing, the bystander was never disconnected, the server is healthy. */
  const expectOthersUnaffected = async () => {
    writer.doc.getArray<string>('ok').push([`edit ${edits++}`]);
    await waitFor(() => bystander.doc.getArray('ok').length === edits, 10_000, 'the bystander to receive the next edit');
    expect(bystander.statuses).toEqual(['connecting', 'connected']);
    expect(writer.statuses).toEqual(['connecting', 'connected']);
    expect((await server.fetch('/healthz')).status).toBe(200);
    expect(nameOf(writer.awareness.getStates().get(bystander.doc.clientID))).toBe('Bystander');
  };

  const offend = async (send: (raw: RawClient) => void | Promise<void>, code: number) => {
    const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    try {
      await raw.handshake();
      await send(raw);
      const closed = await waitFor(() => raw.closed, 10_000, `the server to close the connection with ${code}`);
      expect(closed.code).toBe(code);
    } finally {
      raw.destroy();
    }
    await expectOthersUnaffected();
  };

  const validUpdateFrame = () => frames.update(updateOf((d) => d.getText('evil').insert(0, 'TRUNCATED UPDATE')));

  it('closes a truncated update frame with malformedMessage', async () => {
    const frame = validUpdateFrame();
    await offend((raw) => raw.send(frame.subarray(0, frame.length - 4)), CloseCode.malformedMessage);
  });

  it('closes an empty frame and a frame that is only a sync tag with malformedMessage', async () => {
    await offend((raw) => raw.send(new Uint8Array()), CloseCode.malformedMessage);
    await offend((raw) => raw.send(frames.tagged(MessageTag.sync)), CloseCode.malformedMessage);
  });

  it('closes a sync message with an unknown step with malformedMessage', async () => {
    const frame = bytes((e) => {
      encoding.writeVarUint(e, MessageTag.sync);
      encoding.writeVarUint(e, 7);
      encoding.writeVarUint8Array(e, new Uint8Array([0]));
    });
    await offend((raw) => raw.send(frame), CloseCode.malformedMessage);
  });

  it('closes an unknown message type with unknownMessageType', async () => {
    await offend((raw) => raw.send(frames.tagged(99, new Uint8Array([1, 2, 3]))), CloseCode.unknownMessageType);
  });

  it('closes garbage in a sync update with malformedMessage', async () => {
    await offend((raw) => raw.send(frames.update(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))), CloseCode.malformedMessage);
    const noise = new Uint8Array(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256));
    await offend((raw) => raw.send(frames.update(noise)), CloseCode.malformedMessage);
    const step2 = bytes((e) => {
      encoding.writeVarUint(e, MessageTag.sync);
      encoding.writeVarUint(e, SyncStep.step2);
      encoding.writeVarUint8Array(e, noise);
    });
    await offend((raw) => raw.send(step2), CloseCode.malformedMessage);
  });

  it('closes awareness messages with absurd lengths with malformedMessage', async () => {
    // Claims 2^31 entries.
    const manyEntries = bytes((e) => encoding.writeVarUint(e, 2 ** 31));
    await offend((raw) => raw.send(frames.awarenessPayload(manyEntries)), CloseCode.malformedMessage);
    // One entry whose state string claims to be 2^40 bytes long.
    const hugeString = bytes((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 123456);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 2 ** 40);
      encoding.writeUint8Array(e, new Uint8Array([123, 125]));
    });
    await offend((raw) => raw.send(frames.awarenessPayload(hugeString)), CloseCode.malformedMessage);
    // An awareness payload length larger than the frame.
    const overlong = bytes((e) => {
      encoding.writeVarUint(e, MessageTag.awareness);
      encoding.writeVarUint(e, 10_000);
      encoding.writeUint8Array(e, new Uint8Array([1, 2, 3]));
    });
    await offend((raw) => raw.send(overlong), CloseCode.malformedMessage);
  });

  it('closes a frame over MAX_MESSAGE_BYTES with messageTooBig (1009)', async () => {
    const huge = frames.update(updateOf((d) => d.getText('huge').insert(0, 'h'.repeat(MAX_MESSAGE_BYTES + 1024))));
    await offend((raw) => raw.send(huge), CloseCode.messageTooBig);
  });

  it('closes a text frame with unsupportedData', async () => {
    await offend((raw) => raw.send('{"type":"update","text":"hello"}'), CloseCode.unsupportedData);
  });

  it('closes a flood of messages over the rate limit with rateLimited', async () => {
    await offend((raw) => {
      for (let i = 0; i < RATE_LIMIT_BURST * 3; i++) raw.send(frames.queryAwareness());
    }, CloseCode.rateLimited);
  });

  it("closes awareness that advances another client's state with awarenessForged (after announcing its own)", async () => {
    await offend((raw) => {
      raw.send(frames.awareness([{ clientID: 3_000_000 + Math.floor(Math.random() * 1_000_000), clock: 1, state: { user: { name: 'Raw' } } }]));
      const known = writer.awareness.meta.get(bystander.doc.clientID)!.clock;
      raw.send(frames.awareness([{ clientID: bystander.doc.clientID, clock: known + 5, state: { user: { name: 'Impostor' } } }]));
    }, CloseCode.awarenessForged);
  });

  it("closes awareness that advances another client's state with awarenessForged (as its first message)", async () => {
    await offend((raw) => {
      const known = writer.awareness.meta.get(bystander.doc.clientID)!.clock;
      raw.send(frames.awareness([{ clientID: bystander.doc.clientID, clock: known + 5, state: { user: { name: 'Impostor' } } }]));
    }, CloseCode.awarenessForged);
  });

  it('stored nothing malformed: after a restart the board holds exactly the good edits', async () => {
    bystander.destroy();
    writer.destroy();
    expect((await server.kill('SIGTERM')).code).toBe(0);
    await server.restart();
    const fresh = connectClient(server.syncBase, board, workshop.tokens.observer);
    try {
      await fresh.synced();
      expect(fresh.doc.getArray('ok').toArray()).toEqual(Array.from({ length: edits }, (_, i) => `edit ${i}`));
      // Only the board's own roots (written by the server when the board was created) and the good edits.
      const roots = [...fresh.doc.share.keys()].filter((name) => name !== 'board' && name !== 'cards');
      expect(roots).toEqual(['ok']);
    } finally {
      fresh.destroy();
    }
  });
});
