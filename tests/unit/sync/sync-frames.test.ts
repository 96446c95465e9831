/**
 * The sync frames the server writes around an update (server/src/sync/protocol.ts): byte for byte
 * what a lib0 encoder writes, for updates whose length takes one to three bytes to encode, and read
 * back by y-protocols into the same document.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageTag } from '@plenary/shared/protocol';
import { readClientMessage, writeSyncStep2, writeUpdate, writersOf } from '@plenary/server/sync/protocol.ts';

const boardOf = (chars: number): Uint8Array => {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'x'.repeat(chars));
  return Y.encodeStateAsUpdate(doc);
};

/** The frame as an encoder writes it: the tags, then the update with its length. */
const encoded = (step: number, update: Uint8Array): Buffer => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageTag.sync);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, update);
  return Buffer.from(encoding.toUint8Array(e));
};

/** What y-protocols makes of the frame on a fresh document. */
const readBack = (frame: Uint8Array): string => {
  const d = decoding.createDecoder(frame);
  expect(decoding.readVarUint(d)).toBe(MessageTag.sync);
  const doc = new Y.Doc();
  syncProtocol.readSyncMessage(d, encoding.createEncoder(), doc, 'server');
  expect(decoding.hasContent(d)).toBe(false);
  return doc.getText('notes').toString();
};

describe('sync frames around an update', () => {
  it.each([0, 1, 100, 20_000, 1_300_000])('a board of %i letters is framed as an encoder frames it, and reads back whole', (chars) => {
    const update = boardOf(chars);
    const update1 = writeUpdate(update);
    const step2 = writeSyncStep2(update);
    // Compared as Buffers: a deep equality of 1.3 MB arrays takes seconds.
    expect(Buffer.from(update1).equals(encoded(syncProtocol.messageYjsUpdate, update))).toBe(true);
    expect(Buffer.from(step2).equals(encoded(syncProtocol.messageYjsSyncStep2, update))).toBe(true);
    expect(readBack(update1)).toBe('x'.repeat(chars));
    expect(readBack(step2)).toBe('x'.repeat(chars));
  });
});

describe('the writers of a client update', () => {
  it('names each writer with the clock after its last edit, and not the gaps an update leaves', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    a.getText('t').insert(0, 'abc');
    a.getText('t').insert(3, 'de');
    a.getText('t').insert(5, 'f');
    b.getText('u').insert(0, 'xy');
    // The first and last of a's edits without the middle one: a gap (a Skip) between them.
    const gapped = Y.mergeUpdates([updates[0]!, updates[2]!, Y.encodeStateAsUpdate(b)]);
    expect(writersOf(Y.decodeUpdate(gapped).structs)).toEqual(
      new Map([
        [a.clientID, 6],
        [b.clientID, 2]
      ])
    );
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MessageTag.sync);
    syncProtocol.writeUpdate(frame, gapped);
    expect(readClientMessage(encoding.toUint8Array(frame))).toMatchObject({
      type: 'syncUpdate',
      writers: new Map([
        [a.clientID, 6],
        [b.clientID, 2]
      ])
    });
    // Only a gap of a's: nothing a wrote.
    const skipOnly = Y.decodeUpdate(gapped).structs.filter((s) => s instanceof Y.Skip);
    expect(skipOnly.length).toBeGreaterThan(0);
    expect(writersOf(skipOnly)).toEqual(new Map());
  });
});
