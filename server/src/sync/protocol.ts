/**
 * Reading and writing y-websocket frames (tags in @plenary/shared/protocol). Reading is strict:
 * anything that does not decode exactly is a ProtocolError carrying the close code to use.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { AuthMessage, CloseCode, MessageTag, SyncStep } from '@plenary/shared/protocol';

export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string
  ) {
    super(message);
  }
}

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** null = the client left. */
  state: unknown;
}

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | {
      type: 'syncUpdate';
      update: Uint8Array;
      /** Each writer (Yjs client id) of the update and the clock after its last edit in it (writersOf). */
      writers: Map<number, number>;
    }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: 'auth' }
  | { type: 'queryAwareness' };

/** Awareness states larger than this are refused as absurd (a presence is a few hundred bytes). */
const MAX_AWARENESS_STATE_CHARS = 64 * 1024;
const MAX_AWARENESS_ENTRIES = 64;

const malformed = (why: string) => new ProtocolError(CloseCode.malformedMessage, why);

const readAwareness = (update: Uint8Array): AwarenessEntry[] => {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  if (count > MAX_AWARENESS_ENTRIES) throw malformed('awareness: too many entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    if (json.length > MAX_AWARENESS_STATE_CHARS) throw malformed('awareness: state too large');
    entries.push({ clientID, clock, state: JSON.parse(json) });
  }
  if (decoding.hasContent(d)) throw malformed('awareness: trailing bytes');
  return entries;
};

/** Decodes one client frame. Throws ProtocolError on anything malformed or unknown. */
export const readClientMessage = (frame: Uint8Array): ClientMessage => {
  const d = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    const tag = decoding.readVarUint(d);
    switch (tag) {
      case MessageTag.sync: {
        const step = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (step === SyncStep.step1) {
          Y.decodeStateVector(payload);
          message = { type: 'syncStep1', stateVector: payload };
        } else if (step === SyncStep.step2 || step === SyncStep.update) {
          // Decoding walks every struct and the delete set: garbage fails here, before the
          // document is touched. Who wrote what is read off the same walk (writer-ids.ts).
          message = { type: 'syncUpdate', update: payload, writers: writersOf(Y.decodeUpdate(payload).structs) };
        } else throw malformed(`unknown sync step ${step}`);
        break;
      }
      case MessageTag.awareness: {
        const update = decoding.readVarUint8Array(d);
        message = { type: 'awareness', update, entries: readAwareness(update) };
        break;
      }
      case MessageTag.auth:
        decoding.readVarUint(d);
        decoding.readVarString(d);
        message = { type: 'auth' };
        break;
      case MessageTag.queryAwareness:
        message = { type: 'queryAwareness' };
        break;
      default:
        throw new ProtocolError(CloseCode.unknownMessageType, `unknown message type ${tag}`);
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw malformed(err instanceof Error ? err.message : 'undecodable frame');
  }
  if (decoding.hasContent(d)) throw malformed('trailing bytes after message');
  return message;
};

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/**
 * A sync frame carrying an update: its tags and length, then the update, copied once into a frame
 * of the exact size. (An encoder would copy a large update twice, into its growing buffer and then
 * into the frame: for a 1.2 MB board that was 2.4 MB of fresh memory to touch before its first
 * frame could leave, in a process just started.)
 */
const syncFrame = (step: SyncStep, update: Uint8Array): Uint8Array => {
  const head = frame((e) => {
    encoding.writeVarUint(e, MessageTag.sync);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint(e, update.length);
  });
  const out = new Uint8Array(head.length + update.length);
  out.set(head);
  out.set(update, head.length);
  return out;
};

/** Encodes awareness entries as an awareness update (the inverse of reading one). */
export const encodeAwarenessEntries = (entries: AwarenessEntry[]): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientID);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, JSON.stringify(entry.state));
    }
  });

export const writeSyncStep1 = (doc: Y.Doc): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageTag.sync);
    encoding.writeVarUint(e, SyncStep.step1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });

/** Sync step 2 carrying `update`: what the peer that sent step 1 lacks. */
export const writeSyncStep2 = (update: Uint8Array): Uint8Array => syncFrame(SyncStep.step2, update);

/** True for the state vector of a client that has nothing yet (a fresh device). */
export const isEmptyStateVector = (stateVector: Uint8Array): boolean => Y.decodeStateVector(stateVector).size === 0;

export const writeUpdate = (update: Uint8Array): Uint8Array => syncFrame(SyncStep.update, update);

export const writeAwareness = (awarenessUpdate: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageTag.awareness);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });

export const writePermissionDenied = (reason: string): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageTag.auth);
    encoding.writeVarUint(e, AuthMessage.permissionDenied);
    encoding.writeVarString(e, reason);
  });

/**
 * The writers of an update's edits: each Yjs client id and the clock after its last edit in the
 * update (a Skip is a gap the update leaves, not an edit).
 */
export const writersOf = (structs: Array<Y.Item | Y.GC | Y.Skip>): Map<number, number> => {
  const ends = new Map<number, number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const end = struct.id.clock + struct.length;
    if (end > (ends.get(struct.id.client) ?? 0)) ends.set(struct.id.client, end);
  }
  return ends;
};

/** True when an update only deletes (no new structs): allowed even past MAX_DOC_BYTES. */
export const isDeletionOnly = (update: Uint8Array): boolean => Y.decodeUpdate(update).structs.length === 0;

/** True when an update changes nothing at all (an empty sync step 2 from a fresh client). */
export const isEmptyUpdate = (update: Uint8Array): boolean => {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
};
