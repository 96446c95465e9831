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

/** The extension's name in the handshake, and ws's key for its instance. */
const EXTENSION = 'permessage-deflate';

/** The socket's permessage-deflate instance, or undefined when the extension was not agreed. */
export const negotiatedDeflate = (ws: WebSocket): NegotiatedDeflate | undefined =>
  (ws as unknown as { _extensions?: Record<string, NegotiatedDeflate> })._extensions?.[EXTENSION];
