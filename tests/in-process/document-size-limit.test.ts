/**
 * MAX_DOC_BYTES counts growth: an update that would take the board past it is refused with
 * 'document-too-large', but one holding only what the board already has — a client's answer to the
 * server's sync step 1 repeating an edit the room accepted a moment earlier, which happens whenever
 * a client edits while the room is still loading — adds nothing and is not refused.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DenyReason, MessageTag } from '@plenary/shared/protocol';
import { openPolicy } from '@plenary/server/sync/policy.ts';
import { createCore, InProcessClient, type InProcessCore } from './support/in-process.ts';

const identity = { scope: 'w1', role: 'delegate', generation: 0, readOnly: false } as const;
const MAX_DOC_BYTES = 4096;

const updateFrame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageTag.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
};

describe('the document size limit counts growth (in-process)', () => {
  let core: InProcessCore;
  beforeAll(() => {
    core = createCore(openPolicy(identity), { env: { MAX_DOC_BYTES: String(MAX_DOC_BYTES) } });
  });
  afterAll(() => core.close());

  const join = async (board: string): Promise<InProcessClient> => {
    const client = new InProcessClient(core, { boardId: board, ...identity, expiresAt: Date.now() + 60_000 });
    await client.connect(core);
    return client;
  };

  it('accepts an update repeating what the board has, and refuses one that grows it past the limit', async () => {
    const a = await join('board-size');
    a.doc.getText('notes').insert(0, 'x'.repeat(3000));
    expect(a.denied).toEqual([]);

    // The same 3,000 characters again, as a client's sync step 2 would carry them: no growth.
    a.conn.receive(updateFrame(Y.encodeStateAsUpdate(a.doc)));
    expect(a.denied).toEqual([]);
    expect(a.closedWith).toBeNull();

    // 2,000 more characters would take it past 4,096 bytes: refused, and not applied.
    a.doc.getText('notes').insert(3000, 'y'.repeat(2000));
    expect(a.denied).toEqual([DenyReason.documentTooLarge]);
    const room = core.rooms.get('board-size')!;
    expect(room.doc.getText('notes').length).toBe(3000);
    a.close();
  });
});
