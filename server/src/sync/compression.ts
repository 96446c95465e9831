/**
 * Compression on the sync socket (WebSocket permessage-deflate, which every browser speaks
 * natively). A board's first sync is its whole state: on hotel Wi-Fi at 1.6 Mbps, 100 kB is half a
 * second. The seminar's 200 realistic cards in a dozen scripts deflate 4.8× (Yjs repeats its keys,
 * author ids and cities); a board of 100,000 random one-letter edits only 1.8×. The edits after
 * the first sync are tens of bytes and go as they are.
 *
 * - Only sync messages of `thresholdBytes` or more are compressed: a board's first sync once the
 *   board holds 15 cards or so, and large pastes. Presence is never compressed (`compressible`):
 *   it changes every tick and in a full room passes 4 KiB, and when presence was compressed (a 4
 *   KiB threshold for every message), in one run of two a device in
 *   tests/sync/reconnect-storm.test.ts did not see everyone present within 30 s; the cause was not
 *   found. With the 64 KiB threshold used before for every message, a board of fewer than about
 *   120 cards, the usual breakout board, reached a phone uncompressed: 26 kB for 50 of the
 *   seminar's realistic cards, 6.5 kB deflated (0.1 s at 1.6 Mbps); 54 kB for 100 cards, 12 kB
 *   deflated. An 8 KiB frame deflates in a tenth of a millisecond, once for all the sockets it goes
 *   to. ws applies the threshold only with server_no_context_takeover, which also means no
 *   compression state is carried between messages.
 * - The server deflates with zlib's whole window (32 KiB) and its default memory level: every
 *   frame it deflates goes through deflate-once.ts, one zlib call per frame for all its sockets,
 *   so nothing is kept per connection (ws's own compressor, which would keep its window per
 *   socket, is left no socket: deflate-offer.ts declines what deflate-once.ts cannot serve). A
 *   board repeats its keys, author ids and cities further apart than a small window reaches: the
 *   seminar's 200 realistic cards (109 kB) deflated to 47 kB with a 2 KiB window and memory level
 *   5, and to 23 kB this way, in half the time (1.7 against 0.8 ms); a board of 100,000 random
 *   one-letter edits (1.2 MB) 1.45× against 1.78×, 30 against 24 ms. On a phone at 1.6 Mbps the
 *   first sync of that board of cards is 0.12 s shorter.
 * - Clients are asked for a small window (2 KiB). Browsers compress every message they send, so
 *   the server inflates each, with an inflate stream per connection sized by that window. A client
 *   that does not offer to have its window capped (Firefox) keeps its own, up to 32 KiB
 *   (deflate-offer.ts).
 * - A frame sent to several sockets is deflated once for all of them (deflate-once.ts), with these
 *   same settings; server_no_context_takeover is what makes its bytes valid on every socket.
 * - maxPayload (MAX_MESSAGE_BYTES) is checked on the inflated size, so a small compressed message
 *   cannot expand into a large one: the connection is closed with 1009, like an oversized one.
 */
import type { PerMessageDeflateOptions } from 'ws';
import { MessageTag } from '@plenary/shared/protocol';

export const SyncCompression = {
  thresholdBytes: 8 * 1024,
  /** The window the server deflates with unless a client asks for a smaller one (zlib's largest). */
  serverWindowBits: 15,
  /**
   * The smallest server window a client may ask for: zlib turns a raw deflate window of 8 bits
   * into 9, which a peer that asked for 8 cannot read (such an offer is declined: deflate-offer.ts).
   */
  minServerWindowBits: 9,
  /** The window clients are asked to deflate with: the server's inflate stream per connection. */
  clientWindowBits: 11,
  memLevel: 8,
  /** zlib's fast levels (1–3) differ little here; 3 gains about 5 % for the same time. */
  level: 3
} as const;

export const syncCompression: PerMessageDeflateOptions = {
  threshold: SyncCompression.thresholdBytes,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  // No server window named: ws then answers a client that asks for one with it, and any other with
  // zlib's largest (serverWindowBits), which is what the server deflates with.
  clientMaxWindowBits: SyncCompression.clientWindowBits,
  zlibDeflateOptions: { level: SyncCompression.level, memLevel: SyncCompression.memLevel }
};

/** The same for a client that does not let the server cap its window (deflate-offer.ts). */
const { clientMaxWindowBits: _capped, ...asOffered } = syncCompression;
export const syncCompressionAsOffered: PerMessageDeflateOptions = asOffered;

/** Whether a frame may go deflated: sync messages may (above the threshold), presence never. */
export const compressible = (frame: Uint8Array): boolean => frame[0] !== MessageTag.awareness;
