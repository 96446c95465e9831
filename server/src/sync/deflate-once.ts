/**
 * A frame that goes to many sockets is deflated once. ws compresses each message for each socket
 * on its own, so a board's first sync — the same bytes for every device that joins it fresh — was
 * deflated again for every device, and a large paste once per person in the room. On a board of
 * 1.2 MB that is 30–45 ms of zlib per device, on the path of every join (a warm join's answer was
 * in the device's hands after 55–60 ms deflated against 6–10 ms sent as it is).
 *
 * The sockets negotiate server_no_context_takeover (compression.ts): a message's deflated bytes do
 * not depend on what the socket sent before it, so the same bytes are valid on every socket with
 * the same window. Frames are recognised by their memory (the ArrayBuffer, offset and length ws is
 * handed), not their content: the room sends one frame object to everyone, and the first sync of
 * a fresh device is the same frame object until the board is encoded again (whole-state.ts), and a
 * board just read from the store is deflated before anyone asks for it (ws-server.ts). Entries go
 * when their frame is collected.
 *
 * ws has no public way to send a message it did not deflate itself, so each socket's
 * permessage-deflate instance is given a `compress` that answers from here. ws's own sender still
 * decides what is compressed (its threshold), queues and orders the messages, frames them, and
 * counts what waits in `bufferedAmount`. A socket whose negotiation differs (context takeover,
 * a window under 9 bits) keeps ws's own compression.
 */
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import pLimit, { type LimitFunction } from 'p-limit';
import type { WebSocket } from 'ws';
import { negotiatedDeflate, SYNC_FLUSH_TAIL } from './ws-deflate.ts';
import { SyncCompression } from './compression.ts';

const deflateRaw = promisify(zlib.deflateRaw);

/** What a peer allows when it names no window: zlib's largest. */
const DEFAULT_WINDOW_BITS = SyncCompression.serverWindowBits;
/**
 * zlib hands its output over in chunks, each a trip from its thread back to the event loop: with
 * its default 16 KiB, a 1.2 MB board took 44–49 ms to deflate; with one chunk for the whole frame,
 * 34–42 ms. (Deflated bytes are never many more than the frame's.)
 */
const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
/**
 * A large frame is deflated in pieces side by side, one per core (up to libuv's four threads):
 * each piece ends on a sync flush, which leaves the stream byte-aligned between blocks, so the
 * pieces' bytes joined are one deflate stream, and no piece reaches back into another (its
 * compressor never saw the others). A 1.2 MB board took 24–38 ms in one piece, 13–21 ms in two;
 * the stream grows by a few bytes per piece. Pieces smaller than this are not worth a thread.
 */
const MIN_PIECE_BYTES = 256 * 1024;
const MAX_PIECES = 4;

interface Deflated {
  byteOffset: number;
  byteLength: number;
  windowBits: number;
  bytes: Promise<Buffer>;
}

export interface DeflateOptions {
  level: number;
  memLevel: number;
  /** Pieces a large frame may be deflated in at once (default: the machine's cores, up to four). */
  parallel?: number;
}

export class DeflatedFrames {
  private readonly done = new WeakMap<ArrayBufferLike, Deflated[]>();
  /** Pieces of one frame deflated at once, and zlib calls running at once. */
  private readonly parallel: number;
  /**
   * zlib calls run `parallel` at a time, in the order they were asked for. A large board's snapshot
   * is sent in slices, each its own frame, all asked for at once: given to zlib all at once, the
   * nine slices of a 1.2 MB board came back together after 24–26 ms, the first among the last;
   * one after another, the first came back after 6 ms (alone in a process just started), and the
   * device applies each slice as it arrives.
   */
  private readonly zlibTurns: LimitFunction;

  constructor(
    private readonly options: DeflateOptions,
    /** Called for each frame actually deflated (a metric: deflations against frames sent). */
    private readonly onDeflate: (bytes: number) => void = () => undefined
  ) {
    this.parallel = Math.min(MAX_PIECES, options.parallel ?? availableParallelism());
    this.zlibTurns = pLimit(this.parallel);
  }

  /** The frame's bytes deflated for a window of `windowBits`, without the sync flush's tail: what goes on the wire. */
  deflate(frame: Buffer, windowBits: number): Promise<Buffer> {
    const list = this.done.get(frame.buffer) ?? [];
    const hit = list.find((d) => d.byteOffset === frame.byteOffset && d.byteLength === frame.byteLength && d.windowBits === windowBits);
    if (hit) return hit.bytes;
    this.onDeflate(frame.byteLength);
    const entry: Deflated = { byteOffset: frame.byteOffset, byteLength: frame.byteLength, windowBits, bytes: this.deflatePieces(frame, windowBits) };
    list.push(entry);
    this.done.set(frame.buffer, list);
    // A failed deflate is not kept: the socket falls back to ws's own, and the next send tries again.
    entry.bytes.catch(() => list.splice(list.indexOf(entry), 1));
    return entry.bytes;
  }

  private deflatePieces(frame: Buffer, windowBits: number): Promise<Buffer> {
    const count = Math.max(1, Math.min(this.parallel, Math.floor(frame.byteLength / MIN_PIECE_BYTES)));
    const size = Math.ceil(frame.byteLength / count);
    const pieces = Array.from({ length: count }, (_, i) => {
      const piece = frame.subarray(i * size, (i + 1) * size);
      return this.zlibTurns(() =>
        deflateRaw(piece, {
          level: this.options.level,
          memLevel: this.options.memLevel,
          windowBits,
          finishFlush: zlib.constants.Z_SYNC_FLUSH,
          chunkSize: Math.min(MAX_CHUNK_BYTES, Math.max(zlib.constants.Z_DEFAULT_CHUNK, piece.byteLength))
        })
      );
    });
    // Joined into a copy (zlib's output is a view of its piece-sized chunk, which the cache would
    // keep whole); only the last piece's sync-flush tail is left off, as the wire wants it.
    return Promise.all(pieces).then((out) => Buffer.concat(out, out.reduce((sum, o) => sum + o.length, 0) - SYNC_FLUSH_TAIL.length));
  }

  /** Makes this socket take its deflated messages from here, when what it negotiated allows it. Returns whether it does. */
  attach(ws: WebSocket): boolean {
    const negotiated = negotiatedDeflate(ws);
    if (negotiated?.params.server_no_context_takeover !== true) return false;
    const bits = negotiated.params.server_max_window_bits;
    const windowBits = typeof bits === 'number' ? bits : DEFAULT_WINDOW_BITS;
    if (windowBits < SyncCompression.minServerWindowBits) return false;
    const own = negotiated.compress.bind(negotiated);
    negotiated.compress = (data, fin, callback) => {
      // ws's sender never fragments what we send; a fragment would need the stream's state.
      if (!fin) return own(data, fin, callback);
      this.deflate(data, windowBits).then(
        (bytes) => callback(null, bytes),
        () => own(data, fin, callback)
      );
    };
    return true;
  }
}
