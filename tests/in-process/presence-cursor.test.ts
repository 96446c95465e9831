/**
 * Where someone is typing travels in their presence (`cursor`: card, field, Yjs relative positions;
 * shared/src/protocol/presence.ts). The room accepts a well-formed one and closes, as malformed,
 * a connection whose own presence carries a cursor or card id that is not in that shape or too
 * large — before any other screen draws it.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, MAX_FIELD_PATH_CHARS, MessageTag, readPresenceCursor } from '@plenary/shared/protocol';
import { addCard, getCardMap, textLocation } from '@plenary/shared/schema';
import { openPolicy } from '@plenary/server/sync/policy.ts';
import { createCore, InProcessClient, type InProcessCore } from './support/in-process.ts';

const identity = { scope: 'w1', role: 'delegate', generation: 0, readOnly: false } as const;
const BOARD = 'board-cursors';

const awarenessFrame = (clientID: number, clock: number, state: unknown): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientID);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageTag.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
};

describe('presence cursors through the room (in-process)', () => {
  let core: InProcessCore;
  let nextClient = 7_000_000;
  /** A well-formed cursor: a caret after "ลด" in a Thai card, made by Yjs itself. */
  let cursor: Record<string, unknown>;

  beforeAll(() => {
    core = createCore(openPolicy(identity));
    const doc = new Y.Doc();
    const card = addCard(doc, { kind: 'idea', text: 'ลดขยะพลาสติก', createdBy: 'Somchai', lang: 'th' });
    const text = getCardMap(doc, card)!.get('text') as Y.Text;
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 2));
    cursor = { ...textLocation(text)!, anchor: at, head: at };
  });
  afterAll(() => core.close());

  /** A new connection announcing `state` as its presence; the room's view of it afterwards. */
  const announce = async (state: Record<string, unknown>) => {
    const client = new InProcessClient(core, { boardId: BOARD, ...identity, expiresAt: Date.now() + 60_000 });
    await client.connect(core);
    const clientID = nextClient++;
    client.conn.receive(awarenessFrame(clientID, 1, { user: { name: 'Ana' }, ...state }));
    // Receiving is synchronous: the room has decided before anything else runs.
    const room = core.rooms.get(BOARD)!;
    return { closedWith: client.closedWith, shown: room.awareness.getStates().get(clientID) as Record<string, unknown> | undefined };
  };

  it('accepts a cursor made by Yjs and shows it to the room as sent', async () => {
    expect(readPresenceCursor(cursor)).not.toBeNull();
    const { closedWith, shown } = await announce({ editing: cursor.card, cursor });
    expect(closedWith).toBeNull();
    expect(shown?.cursor).toEqual(cursor);
    // Leaving the field: null is a cursor too.
    expect((await announce({ editing: null, cursor: null })).closedWith).toBeNull();
  });

  it.each([
    ['a field path that climbs out of the card', { field: '../board/title' }],
    ['a field path longer than four ids', { field: `a/${'b'.repeat(MAX_FIELD_PATH_CHARS)}` }],
    ['a card id that is not an id', { card: '<img src=x onerror=alert(1)>' }],
    ['a position naming a root type (readers would create it)', { anchor: { tname: 'cards', assoc: 0 } }],
    ['a position with neither item nor type (Yjs throws on it)', { head: { assoc: 0 } }],
    ['a position with a fractional clock', { anchor: { item: { client: 1, clock: 1.5 } } }],
    ['an extra key carrying a large payload', { note: 'x'.repeat(50_000) }],
    ['a cursor that is a string', 'text']
  ])('closes a connection announcing %s as malformed, and shows nothing of it', async (_why, change) => {
    const bad = typeof change === 'string' ? change : { ...cursor, ...change };
    const { closedWith, shown } = await announce({ cursor: bad });
    expect(closedWith).toBe(CloseCode.malformedMessage);
    expect(shown).toBeUndefined();
  });

  it('closes a connection whose card being edited is not a card id', async () => {
    const { closedWith, shown } = await announce({ editing: { card: 'x' } });
    expect(closedWith).toBe(CloseCode.malformedMessage);
    expect(shown).toBeUndefined();
  });
});
