/**
 * A client's small compressed message inflated at once, on the event loop. Browsers compress every
 * message they send once permessage-deflate is negotiated, so every edit, caret move and presence
 * update from a browser reaches the server deflated — tens of bytes each. ws inflates each through a
 * zlib stream it keeps per connection, with a trip to libuv's thread pool and back per message.
 * One synchronous zlib call per message costs about 80 µs of CPU less (20,000 small messages,
 * measured apart: 2.1–3.3 s of the process's CPU against 4.0–4.8 s), and no connection keeps an
 * inflate stream (its window and zlib's state, about 10 KiB per connection that ever sent
 * compressed).
 *
 * The sockets negotiate client_no_context_takeover (compression.ts), so each message is a deflate
 * stream of its own and needs nothing from the one before it. Fragmented messages, messages over
 * `MAX_INLINE_BYTES` compressed, and any that fail here (corrupt, or inflating past
 * `MAX_INLINE_OUTPUT_BYTES`) go to ws's own inflate, which reads them as before and closes the
 * socket with its code when they are bad (1009 past maxPayload). What is inflated here goes back
 * through ws's receiver, which measures it against maxPayload as it measures its own inflate's
 * output, so a server allowing less than `MAX_INLINE_OUTPUT_BYTES` still closes with 1009. ws has no public way to replace
 * its inflate, so each socket's permessage-deflate instance is given a `decompress` that answers
 * from here (deflate-once.ts does the same with `compress`).
 */
import zlib from 'node:zlib';
import type { WebSocket } from 'ws';
import { negotiatedDeflate, SYNC_FLUSH_TAIL } from './ws-deflate.ts';
/** Larger messages (a big paste) go to ws's own inflate, off the event loop. */
const MAX_INLINE_BYTES = 16 * 1024;
/** Output past this is left to ws's own inflate too: the event loop never inflates a bomb further. */
const MAX_INLINE_OUTPUT_BYTES = 256 * 1024;
/** zlib's largest window reads a stream made with any smaller one. */
const WINDOW_BITS = 15;

/** Makes this socket inflate its small compressed messages at once, when what it negotiated allows it. Returns whether it does. */
export const inflateInline = (ws: WebSocket): boolean => {
  const negotiated = negotiatedDeflate(ws);
  if (negotiated?.params.client_no_context_takeover !== true) return false;
  const own = negotiated.decompress.bind(negotiated);
  // A message sent in fragments is one deflate stream across them: all of it goes to ws's inflate.
  let inFragments = false;
  negotiated.decompress = (data, fin, callback) => {
    if (inFragments || !fin || data.length > MAX_INLINE_BYTES) {
      inFragments = !fin;
      return own(data, fin, callback);
    }
    let message: Buffer;
    try {
      message = zlib.inflateRawSync(Buffer.concat([data, SYNC_FLUSH_TAIL]), {
        windowBits: WINDOW_BITS,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
        maxOutputLength: MAX_INLINE_OUTPUT_BYTES
      });
    } catch {
      return own(data, fin, callback);
    }
    // ws's receiver takes the answer on a later turn, as from its own inflate (answered at once,
    // it would read on from inside its own loop and finish the socket's write twice).
    process.nextTick(callback, null, message);
  };
  return true;
};
