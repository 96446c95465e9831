/**
 * Which compression set-up answers a client's permessage-deflate offer (RFC 7692), read from its
 * Sec-WebSocket-Extensions header before ws sees it. ws answers an offer its set-up cannot accept
 * with 400 and no socket at all, where the RFC lets a server decline the extension and go on
 * uncompressed. With the client's window capped at 11 bits (compression.ts), that refused every
 * client that does not offer to let the server cap it: Firefox offers a bare `permessage-deflate`,
 * so no board ever synced in Firefox. A client may ask for a server window of any size zlib can
 * give (9 bits and up); the server deflates its frames with that window.
 *
 *   capped      the client lets the server cap its window (Chrome, Safari, ws): the usual set-up
 *   asOffered   it does not (Firefox): the same set-up, the client's window as it chooses
 *   none        the client asks for a server window zlib cannot give: the extension is declined
 *               and the socket goes uncompressed
 */
import * as wsModule from 'ws';
import { SyncCompression } from './compression.ts';

export type DeflateSetup = 'capped' | 'asOffered' | 'none';

type Params = Record<string, (string | true)[]>;
/** ws's own Sec-WebSocket-Extensions parser (ws exports it; its type definitions do not name it). */
const { parse } = (wsModule as unknown as { extension: { parse(header: string): Record<string, Params[]> } }).extension;

interface Offer {
  clientMaxWindowBits: number | true | undefined;
  serverMaxWindowBits: number | true | undefined;
}

const paramValue = (params: Params, key: string): number | true | undefined => {
  const value = params[key]?.[0];
  return value === undefined || value === true ? value : Number(value);
};

/**
 * The permessage-deflate offers in a Sec-WebSocket-Extensions header, in the client's order, or
 * null for a header ws cannot parse (ws answers it with 400, naming the header).
 */
const parseOffers = (header: string): Offer[] | null => {
  try {
    // Names and values read in any case; ws itself matches the extension's name as written.
    return (parse(header.toLowerCase())['permessage-deflate'] ?? []).map((params) => ({
      clientMaxWindowBits: paramValue(params, 'client_max_window_bits'),
      serverMaxWindowBits: paramValue(params, 'server_max_window_bits')
    }));
  } catch {
    return null;
  }
};

/** How to answer this header's offers (undefined: no header, nothing to negotiate). */
export const deflateSetupFor = (header: string | undefined): DeflateSetup => {
  if (!header) return 'none';
  const offers = parseOffers(header);
  // A header ws cannot read goes to ws as it is, which refuses it with 400.
  if (offers === null) return 'capped';
  const serverWindowFits = (o: Offer) =>
    o.serverMaxWindowBits === undefined || (typeof o.serverMaxWindowBits === 'number' && o.serverMaxWindowBits >= SyncCompression.minServerWindowBits);
  // ws's own rule: a client's window may be capped only when it offers the cap, to one no larger than its own.
  const capsClient = (o: Offer) =>
    o.clientMaxWindowBits === true || (typeof o.clientMaxWindowBits === 'number' && o.clientMaxWindowBits >= SyncCompression.clientWindowBits);
  if (offers.some((o) => serverWindowFits(o) && capsClient(o))) return 'capped';
  if (offers.some(serverWindowFits)) return 'asOffered';
  return 'none';
};
