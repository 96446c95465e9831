/**
 * Compression on the sync socket (WebSocket permessage-deflate, which every browser speaks
 * natively). A board's first sync is its whole state: on hotel Wi-Fi at 1.6 Mbps, 100 kB is half a
 * second. A test board of 200 cards in English and Thai deflated 3.1× (Yjs repeats its keys and
 * author ids); a board of 100,000 random one-letter edits only 1.3×, for 18 ms of deflate and 7 ms
 * of inflate on its 620 kB. The edits after the first sync are tens of bytes and go as they are.
 *
 * - Only messages of `thresholdBytes` or more are compressed: a board's first sync once the board
 *   is big enough for it to matter on a slow link, and large pastes; never presence, which in a
 *   full room passes 4 KiB. (With a 4 KiB threshold, in one run of two, a device in
 *   tests/sync/reconnect-storm.test.ts did not see everyone present within 30 s; the cause was not
 *   found, and no run failed at 64 KiB.) ws applies the threshold only with
 *   server_no_context_takeover, which also means no compression state is carried between messages.
 * - A small window and memory level keep what each connection holds once it has compressed
 *   something to about 30 KiB ((1 << 13) + (1 << 14) bytes plus zlib's own state), instead of the
 *   256 KiB of zlib's defaults; on cards they lose little (3.1× against 3.7× on that test board).
 * - Clients are asked for the same small window. Browsers compress every message they send, so
 *   the server inflates each; its window stays 2 KiB per connection. A client that does not offer
 *   to have its window capped (Firefox) keeps its own, up to 32 KiB (deflate-offer.ts).
 * - A frame sent to several sockets is deflated once for all of them (deflate-once.ts), with these
 *   same settings; server_no_context_takeover is what makes its bytes valid on every socket.
 * - maxPayload (MAX_MESSAGE_BYTES) is checked on the inflated size, so a small compressed message
 *   cannot expand into a large one: the connection is closed with 1009, like an oversized one.
 */
import type { PerMessageDeflateOptions } from 'ws';

export const SyncCompression = {
  thresholdBytes: 64 * 1024,
  windowBits: 11,
  memLevel: 5,
  /** zlib's fast levels (1–3) differ little here; 3 gains about 5 % for the same time. */
  level: 3
} as const;

export const syncCompression: PerMessageDeflateOptions = {
  threshold: SyncCompression.thresholdBytes,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  serverMaxWindowBits: SyncCompression.windowBits,
  clientMaxWindowBits: SyncCompression.windowBits,
  zlibDeflateOptions: { level: SyncCompression.level, memLevel: SyncCompression.memLevel }
};

/** The same for a client that does not let the server cap its window (deflate-offer.ts). */
const { clientMaxWindowBits: _capped, ...asOffered } = syncCompression;
export const syncCompressionAsOffered: PerMessageDeflateOptions = asOffered;
