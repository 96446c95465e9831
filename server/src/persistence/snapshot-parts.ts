/**
 * How a stored snapshot holds its parts. A board's snapshot is one Yjs update, or, for a large
 * board, its causal slices (causal-slices.ts) kept in the order they apply: a device joining it is
 * sent them one after another and applies the first while the rest are deflated and sent.
 *
 * A snapshot of one part is stored as the update itself, as every snapshot was before slices; one
 * of several starts with `MAGIC`, then a version byte, the number of parts and each part's length
 * (varuints), then the parts one after another. No update Yjs encodes starts with `MAGIC`: a zero
 * first byte says the update holds no edits, and such an update deletes nothing either, so its
 * next byte is zero too. A snapshot that starts so but whose lengths do not add up is read as one
 * update, as it was written.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { StoredDoc } from './store.ts';

const MAGIC = Uint8Array.of(0x00, 0xff, 0x50, 0x53);
const VERSION = 1;

/** The bytes a store keeps for a snapshot of these parts (applied in order). */
export const packSnapshot = (parts: Uint8Array[]): Uint8Array => {
  if (parts.length === 1) return parts[0]!;
  const encoder = encoding.createEncoder();
  encoding.writeUint8Array(encoder, MAGIC);
  encoding.writeUint8(encoder, VERSION);
  encoding.writeVarUint(encoder, parts.length);
  for (const part of parts) encoding.writeVarUint(encoder, part.length);
  for (const part of parts) encoding.writeUint8Array(encoder, part);
  return encoding.toUint8Array(encoder);
};

/** The parts of a stored snapshot, as views of its bytes. */
export const unpackSnapshot = (data: Uint8Array): Uint8Array[] => {
  if (data.length < MAGIC.length + 2 || MAGIC.some((b, i) => data[i] !== b) || data[MAGIC.length] !== VERSION) return [data];
  try {
    const decoder = decoding.createDecoder(data);
    decoder.pos = MAGIC.length + 1;
    const count = decoding.readVarUint(decoder);
    const lengths = Array.from({ length: count }, () => decoding.readVarUint(decoder));
    if (count < 2 || decoder.pos + lengths.reduce((sum, n) => sum + n, 0) !== data.length) return [data];
    let at = decoder.pos;
    return lengths.map((n) => data.subarray(at, (at += n)));
  } catch {
    return [data];
  }
};

/**
 * What a store read for a document (its stored snapshot value, if any, and its log entries after
 * it, in append order) as the store contract hands it on: the snapshot's parts, then the log.
 * Null when nothing is stored.
 */
export const storedDocOf = (snapshot: Uint8Array | null, log: Uint8Array[]): StoredDoc | null => {
  if (!snapshot && log.length === 0) return null;
  const parts = snapshot ? unpackSnapshot(snapshot) : [];
  const bytes = log.reduce((sum, u) => sum + u.byteLength, snapshot?.byteLength ?? 0);
  return { updates: [...parts, ...log], snapshotParts: parts.length, bytes, logLength: log.length };
};
