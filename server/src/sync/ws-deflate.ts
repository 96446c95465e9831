/**
 * A socket's permessage-deflate instance in ws (its PerMessageDeflate, one per socket), which
 * deflate-once.ts and inflate-inline.ts answer for: ws has no public way to send bytes it did not
 * deflate itself, nor to inflate a message another way. The shape here is the part those two use;
 * this module is the one place that reaches into ws for it.
 */
import type { WebSocket } from 'ws';

/** ws's compress and decompress: one message's bytes, whether they end it, and the answer. */
type Zlib = (data: Buffer, fin: boolean, callback: (err: Error | null, result?: Buffer) => void) => void;

export interface NegotiatedDeflate {
  /** The parameters agreed in the handshake (server_no_context_takeover, client_max_window_bits…). */
  params: Record<string, unknown>;
  compress: Zlib;
  decompress: Zlib;
}

/**
 * The empty stored block a sync flush ends with, which permessage-deflate leaves off every
 * message on the wire (RFC 7692 §7.2.1): taken off what is deflated, put back before inflating.
 */
export const SYNC_FLUSH_TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);

/** The extension's name in the handshake, and ws's key for its instance. */
const EXTENSION = 'permessage-deflate';

/** The socket's permessage-deflate instance, or undefined when the extension was not agreed. */
export const negotiatedDeflate = (ws: WebSocket): NegotiatedDeflate | undefined =>
  (ws as unknown as { _extensions?: Record<string, NegotiatedDeflate> })._extensions?.[EXTENSION];
