/**
 * Which compression set-up answers a client's permessage-deflate offer (RFC 7692), read from its
 * Sec-WebSocket-Extensions header before ws sees it. ws answers an offer its set-up cannot accept
 * with 400 and no socket at all, where the RFC lets a server decline the extension and go on
 * uncompressed. With the client's window capped at 11 bits (compression.ts), that refused every
 * client that does not offer to let the server cap it: Firefox offers a bare `permessage-deflate`,
 * so no board ever synced in Firefox.
 *
 *   capped      the client lets the server cap its window (Chrome, Safari, ws): the usual set-up
 *   asOffered   it does not (Firefox): the same set-up, the client's window as it chooses
 *   none        the client asks for a server window under ours: the extension is declined
 *               and the socket goes uncompressed
 */
import { SyncCompression } from './compression.ts';

export type DeflateSetup = 'capped' | 'asOffered' | 'none';

const EXTENSION = 'permessage-deflate';

interface Offer {
  clientMaxWindowBits: number | true | undefined;
  serverMaxWindowBits: number | true | undefined;
}

/** The permessage-deflate offers in a Sec-WebSocket-Extensions header, in the client's order. */
const parseOffers = (header: string): Offer[] =>
  header
    .split(',')
    .map((offer) => offer.split(';').map((part) => part.trim()))
    .filter(([name]) => name?.toLowerCase() === EXTENSION)
    .map(([, ...params]) => {
      const value = (key: string): number | true | undefined => {
        const param = params.find((p) => p.split('=')[0]!.trim().toLowerCase() === key);
        if (param === undefined) return undefined;
        const raw = param.includes('=')
          ? param
              .slice(param.indexOf('=') + 1)
              .trim()
              .replace(/^"(.*)"$/, '$1')
          : '';
        return raw === '' ? true : Number(raw);
      };
      return { clientMaxWindowBits: value('client_max_window_bits'), serverMaxWindowBits: value('server_max_window_bits') };
    });

/** How to answer this header's offers (undefined: no header, nothing to negotiate). */
export const deflateSetupFor = (header: string | undefined): DeflateSetup => {
  const offers = parseOffers(header ?? '');
  // ws's own rule: a client may ask the server for a window no smaller than the one it uses.
  const serverWindowFits = (o: Offer) =>
    o.serverMaxWindowBits === undefined || (typeof o.serverMaxWindowBits === 'number' && o.serverMaxWindowBits >= SyncCompression.windowBits);
  const capsClient = (o: Offer) =>
    o.clientMaxWindowBits === true || (typeof o.clientMaxWindowBits === 'number' && o.clientMaxWindowBits >= SyncCompression.windowBits);
  if (offers.some((o) => serverWindowFits(o) && capsClient(o))) return 'capped';
  if (offers.some(serverWindowFits)) return 'asOffered';
  return 'none';
};
