/**
 * The y-websocket protocol as the benchmark's raw clients speak it: just enough to join a room
 * (answer the server's sync step 1, ask for its step 2) and to send updates, without applying
 * what arrives. Receivers only scan frames for edit markers, so the load generator stays light
 * and the figures measure the server.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MessageTag, SyncStep } from '@plenary/shared/protocol';

/** Frame bytes of a sync step 1 carrying the document's state vector. */
export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageTag.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
};

/** Frame bytes of an update message. */
export const encodeUpdate = (update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageTag.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
};

export type FrameKind = 'step1' | 'step2' | 'update' | 'other';

/** The kind of a received frame, read from its first two bytes (both tags are single-byte varuints). */
export const frameKind = (frame: Uint8Array): FrameKind => {
  if (frame[0] !== MessageTag.sync) return 'other';
  switch (frame[1]) {
    case SyncStep.step1:
      return 'step1';
    case SyncStep.step2:
      return 'step2';
    case SyncStep.update:
      return 'update';
    default:
      return 'other';
  }
};

/** The reply to a server's sync step 1: step 2 with whatever of `doc` the server lacks. */
export const answerSyncStep1 = (frame: Uint8Array, doc: Y.Doc): Uint8Array => {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder); // message tag
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageTag.sync);
  syncProtocol.readSyncMessage(decoder, encoder, doc, null);
  return encoding.toUint8Array(encoder);
};

/** The update carried by a step 2 or update frame. */
export const readUpdatePayload = (frame: Uint8Array): Uint8Array => {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
};

/**
 * Edit markers: `\u0001<client>:<seq>\u0002`, inserted as Y.Text content. Yjs writes string
 * content as contiguous UTF-8, so a marker survives any merging of updates by the server and is
 * found again by a byte scan.
 */
export const MarkerByte = { start: 0x01, end: 0x02, colon: 0x3a, zero: 0x30, nine: 0x39 } as const;

export const marker = (client: number, seq: number): string => `\u0001${client}:${seq}\u0002`;

/** Calls `found(client, seq)` for every well-formed marker in `frame`. */
export const scanMarkers = (frame: Buffer, found: (client: number, seq: number) => void): void => {
  let i = frame.indexOf(MarkerByte.start);
  while (i !== -1) {
    let j = i + 1;
    let client = 0;
    let seq = 0;
    let digits = 0;
    while (j < frame.length && frame[j]! >= MarkerByte.zero && frame[j]! <= MarkerByte.nine) {
      client = client * 10 + frame[j]! - MarkerByte.zero;
      j++;
      digits++;
    }
    if (digits > 0 && frame[j] === MarkerByte.colon) {
      j++;
      digits = 0;
      while (j < frame.length && frame[j]! >= MarkerByte.zero && frame[j]! <= MarkerByte.nine) {
        seq = seq * 10 + frame[j]! - MarkerByte.zero;
        j++;
        digits++;
      }
      if (digits > 0 && frame[j] === MarkerByte.end) found(client, seq);
    }
    i = frame.indexOf(MarkerByte.start, i + 1);
  }
};
