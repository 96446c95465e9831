/**
 * A board's snapshot as several updates, each of which a device applies completely after the
 * ones before it. The stores keep a large board's snapshot so (snapshot-parts.ts), and a device
 * that joins it is sent one slice after another: it applies the first while the rest is still
 * being deflated and sent, so its wait is the server's share for one slice, then its own apply,
 * instead of the server's share for the whole board, then its apply. Cut when the snapshot is
 * written (compaction), not on a join: reading a board of 100,000 edits this way takes tens of
 * milliseconds in a process that has just started, as long as deflating it.
 *
 * An update (Yjs's format 1) lists each writer's edits ("structs") in clock order; each names the
 * edits it was made beside (its origin and right origin) and, in a nested type, the edit that made
 * its parent. Yjs holds an edit whose neighbours it has not seen as pending, and encodes and
 * merges what is pending again with every update after it: slices cut carelessly would cost the
 * device more than they save. So the edits are put in an order where each comes after everything
 * it names (a depth-first walk; a writer's earlier edit counts as named), and that order is cut
 * into slices (`SliceSizes`: small first, so that the device starts applying soon). Each writer's edits then fall into slices in clock order, so
 * each slice holds, for each writer, the edits right after those in the slice before it.
 *
 * An edit is copied as the bytes it was encoded as: in format 1 an edit's bytes do not depend on
 * the edits before it. Deletions all go in the last slice, when every edit they name is there.
 * Anything unexpected (a gap in a writer's clocks, as in a merged log; an edit naming one the
 * update does not hold; a content kind this does not know) and the update is kept whole. So is a
 * board with formatted text (boards hold none today): after each update it receives, Yjs tidies
 * the formatting marks it thinks redundant, and on part of a board a mark can look redundant that
 * the rest needs (seen in the tests: bold ran on past where it ended).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The content kinds of format 1 (Yjs's `info & 0b11111`). */
const ContentRef = { gc: 0, deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9, skip: 10 } as const;
/** Nested types whose content names an XML node (YXmlElement, YXmlHook). */
const TYPE_REF_ELEMENT = 3;
const TYPE_REF_HOOK = 5;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;
const NONE = -1;
/** What each struct may name: its writer's previous struct, its origin, right origin and parent. */
const NAMED = 4;

/**
 * The edits of one update, read once, in typed arrays: a board of 100,000 edits (1.2 MB) is cut in
 * 10–50 ms, beside the 160–270 ms of folding it that a compaction spends already.
 */
class Structs {
  count = 0;
  /** Per struct: its writer's block, first clock, length in clocks, and its bytes in the update. */
  block: Int32Array;
  clock: Float64Array;
  length: Float64Array;
  start: Int32Array;
  end: Int32Array;
  /** Per struct, what it names as (writer id, clock) pairs, NONE when absent: origin, right origin, parent. */
  deps: Float64Array;
  /** Per writer's block: its writer id and the index of its first struct; one more entry ends the last block. */
  blockClient: number[] = [];
  blockFirst: number[] = [];
  /** Where the delete set starts (and the last struct ends). */
  deleteSetStart = 0;

  constructor(capacity: number) {
    this.block = new Int32Array(capacity);
    this.clock = new Float64Array(capacity);
    this.length = new Float64Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.deps = new Float64Array(capacity * 6);
  }

  /** Room for one more struct. */
  grow(): void {
    if (this.count < this.block.length) return;
    const wider = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.block = wider(this.block);
    this.clock = wider(this.clock);
    this.length = wider(this.length);
    this.start = wider(this.start);
    this.end = wider(this.end);
    this.deps = wider(this.deps);
  }
}

/**
 * Reads every struct's place, size and what it names; null for what this does not cut (see
 * above). Reads the bytes directly: lib0's decoder makes an object per string it skips.
 */
const readStructs = (u: Uint8Array): Structs | null => {
  let pos = 0;
  const uint = (): number => {
    let n = 0;
    let mult = 1;
    for (;;) {
      const b = u[pos++]!;
      n += (b & 0x7f) * mult;
      if (b < 0x80) return n;
      mult *= 128;
      if (mult > 2 ** 53) throw new RangeError('varuint too long');
    }
  };
  const skipBytes = (): void => {
    const length = uint();
    pos += length;
  };
  // A board's edits take about 13 bytes each.
  const s = new Structs(Math.max(64, u.length >> 3));
  const d = decoding.createDecoder(u);
  const blocks = uint();
  for (let b = 0; b < blocks; b++) {
    const structs = uint();
    s.blockClient.push(uint());
    s.blockFirst.push(s.count);
    let clock = uint();
    for (let k = 0; k < structs; k++) {
      s.grow();
      const i = s.count;
      s.start[i] = pos;
      const info = u[pos++]!;
      const ref = info & 0x1f;
      const deps = i * 6;
      s.deps.fill(NONE, deps, deps + 6);
      let length = 1;
      if (ref === ContentRef.gc) length = uint();
      else if (ref === ContentRef.skip) return null;
      else {
        if (info & HAS_ORIGIN) {
          s.deps[deps] = uint();
          s.deps[deps + 1] = uint();
        }
        if (info & HAS_RIGHT_ORIGIN) {
          s.deps[deps + 2] = uint();
          s.deps[deps + 3] = uint();
        }
        if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
          // Without neighbours, the item names its parent: a root type by name, or the item that made it.
          if (uint() === 1) skipBytes();
          else {
            s.deps[deps + 4] = uint();
            s.deps[deps + 5] = uint();
          }
          if (info & HAS_PARENT_SUB) skipBytes();
        }
        switch (ref) {
          case ContentRef.deleted:
            length = uint();
            break;
          case ContentRef.json:
            length = uint();
            for (let j = 0; j < length; j++) skipBytes();
            break;
          case ContentRef.string: {
            // Yjs counts a string in UTF-16 units: one per UTF-8 sequence, two for a four-byte one.
            const end = uint() + pos;
            // A length past the bytes' end would walk far beyond them: not an update.
            if (end > u.length) return null;
            length = 0;
            for (; pos < end; pos++) {
              const c = u[pos]!;
              if ((c & 0xc0) !== 0x80) length += c >= 0xf0 ? 2 : 1;
            }
            break;
          }
          case ContentRef.binary:
          case ContentRef.embed:
            skipBytes();
            break;
          case ContentRef.type: {
            const typeRef = uint();
            if (typeRef === TYPE_REF_ELEMENT || typeRef === TYPE_REF_HOOK) skipBytes();
            break;
          }
          case ContentRef.any:
            length = uint();
            d.pos = pos;
            for (let j = 0; j < length; j++) decoding.readAny(d);
            pos = d.pos;
            break;
          case ContentRef.doc:
            skipBytes();
            d.pos = pos;
            decoding.readAny(d);
            pos = d.pos;
            break;
          default:
            // ContentRef.format among them (see above).
            return null;
        }
      }
      s.end[i] = pos;
      s.block[i] = b;
      s.clock[i] = clock;
      s.length[i] = length;
      s.count++;
      clock += length;
    }
  }
  s.blockFirst.push(s.count);
  s.deleteSetStart = pos;
  // The delete set, which the last slice carries as it is: per writer, its deleted (clock, length) ranges.
  const writers = uint();
  for (let w = 0; w < writers; w++) {
    uint();
    const ranges = uint();
    for (let r = 0; r < ranges * 2; r++) uint();
  }
  return pos === u.length ? s : null;
};

/** The struct holding `clock` of `client`, or NONE. */
const findStruct = (s: Structs, blockOf: Map<number, number>, client: number, clock: number): number => {
  const b = blockOf.get(client);
  if (b === undefined) return NONE;
  let lo = s.blockFirst[b]!;
  let hi = s.blockFirst[b + 1]! - 1;
  // Single-letter edits take one clock each: the struct is often exactly where the clock says.
  const guess = lo + (clock - s.clock[lo]!);
  if (guess <= hi && s.clock[guess] === clock) return guess;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (clock < s.clock[mid]!) hi = mid - 1;
    else if (clock >= s.clock[mid]! + s.length[mid]!) lo = mid + 1;
    else return mid;
  }
  return NONE;
};

/** The structs in an order where each comes after every struct it names; null if one names a struct not here. */
const causalOrder = (s: Structs): Int32Array | null => {
  const blockOf = new Map(s.blockClient.map((client, b) => [client, b]));
  const named = new Int32Array(s.count * NAMED).fill(NONE);
  for (let i = 0; i < s.count; i++) {
    if (i > s.blockFirst[s.block[i]!]!) named[i * NAMED] = i - 1;
    for (let k = 0; k < 3; k++) {
      const client = s.deps[i * 6 + k * 2]!;
      if (client === NONE) continue;
      const at = findStruct(s, blockOf, client, s.deps[i * 6 + k * 2 + 1]!);
      if (at === NONE) return null;
      named[i * NAMED + 1 + k] = at;
    }
  }
  // A depth-first walk, placing each struct once everything it names is placed.
  const order = new Int32Array(s.count);
  let placed = 0;
  const ON_STACK = 1;
  const PLACED = 2;
  const state = new Uint8Array(s.count);
  const stack = new Int32Array(s.count);
  for (let root = 0; root < s.count; root++) {
    if (state[root] !== 0) continue;
    let top = 0;
    stack[top++] = root;
    state[root] = ON_STACK;
    while (top > 0) {
      const i = stack[top - 1]!;
      let next = NONE;
      for (let k = i * NAMED; k < i * NAMED + NAMED; k++) {
        const j = named[k]!;
        if (j === NONE || state[j] === PLACED) continue;
        // A struct naming one that waits on it: no order Yjs could have written.
        if (state[j] === ON_STACK) return null;
        next = j;
        break;
      }
      if (next !== NONE) {
        state[next] = ON_STACK;
        stack[top++] = next;
        continue;
      }
      top--;
      state[i] = PLACED;
      order[placed++] = i;
    }
  }
  return order;
};

/** How large the slices are: the first `first` bytes, each after it twice the one before, up to `most`. */
export interface SliceSizes {
  first: number;
  most: number;
}

/**
 * `update` (format 1, every writer's edits from its first clock, as Y.encodeStateAsUpdate and the
 * stores' snapshots hold them) as slices applied in order; `[update]` when it is under twice
 * `sizes.most` or cannot be cut (see above).
 */
export const causalSlices = (update: Uint8Array, sizes: SliceSizes): Uint8Array[] => {
  if (update.length < sizes.most * 2) return [update];
  let s: Structs | null;
  try {
    s = readStructs(update);
  } catch {
    // Bytes that end inside an edit: not an update this can cut (Yjs says what is wrong with it).
    return [update];
  }
  const order = s && s.count > 0 ? causalOrder(s) : null;
  if (!s || !order) return [update];
  const sliceOf = new Int32Array(s.count);
  let slice = 0;
  let size = sizes.first;
  let filled = 0;
  for (const i of order) {
    const bytes = s.end[i]! - s.start[i]!;
    if (filled > 0 && filled + bytes > size) {
      slice++;
      size = Math.min(size * 2, sizes.most);
      filled = 0;
    }
    sliceOf[i] = slice;
    filled += bytes;
  }
  // A last slice much smaller than the others joins the one before it.
  if (slice > 0 && filled < size / 4) for (const i of order) if (sliceOf[i] === slice) sliceOf[i] = slice - 1;
  const count = sliceOf[order[order.length - 1]!]! + 1;
  // Each writer's structs in a slice are one run, right after its run in the slice before.
  const runs: { block: number; first: number; last: number }[][] = Array.from({ length: count }, () => []);
  for (let b = 0; b < s.blockClient.length; b++) {
    let first = s.blockFirst[b]!;
    const end = s.blockFirst[b + 1]!;
    for (let i = first + 1; i <= end; i++) {
      if (i < end && sliceOf[i] === sliceOf[first]) continue;
      if (i < end && sliceOf[i]! < sliceOf[first]!) return [update];
      runs[sliceOf[first]!]!.push({ block: b, first, last: i - 1 });
      first = i;
    }
  }
  const slices = runs.map((slice, n) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, slice.length);
    for (const { block, first, last } of slice) {
      encoding.writeVarUint(encoder, last - first + 1);
      encoding.writeVarUint(encoder, s.blockClient[block]!);
      encoding.writeVarUint(encoder, s.clock[first]!);
      encoding.writeUint8Array(encoder, update.subarray(s.start[first]!, s.end[last]!));
    }
    // Deletions go last, when everything they name has arrived.
    if (n < count - 1) encoding.writeVarUint(encoder, 0);
    else encoding.writeUint8Array(encoder, update.subarray(s.deleteSetStart));
    return encoding.toUint8Array(encoder);
  });
  return slices;
};
