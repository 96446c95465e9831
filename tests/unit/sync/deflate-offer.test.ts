/**
 * Which compression set-up answers a client's permessage-deflate offer (server/src/sync/deflate-offer.ts),
 * for the offers browsers and libraries make. The sockets themselves are tested in
 * tests/sync/compression.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { deflateSetupFor } from '@plenary/server/sync/deflate-offer.ts';

describe('answering a permessage-deflate offer', () => {
  it.each([
    ['Chrome, Safari, ws', 'permessage-deflate; client_max_window_bits', 'capped'],
    ['a client that names its window', 'permessage-deflate; client_max_window_bits=15', 'capped'],
    ['Firefox', 'permessage-deflate', 'asOffered'],
    ['a client with a window smaller than ours', 'permessage-deflate; client_max_window_bits=9', 'asOffered'],
    ['a server window we can give', 'permessage-deflate; server_max_window_bits=12; client_max_window_bits', 'capped'],
    ["zlib's smallest server window", 'permessage-deflate; server_max_window_bits=9; client_max_window_bits', 'capped'],
    ['a server window zlib cannot give, then a fallback offer', 'permessage-deflate; server_max_window_bits=8, permessage-deflate', 'asOffered'],
    ['only a server window zlib cannot give', 'permessage-deflate; server_max_window_bits=8; client_max_window_bits', 'none'],
    ['another extension only', 'x-webkit-deflate-frame', 'none'],
    ['no header', undefined, 'none'],
    ['quoted values, any case', 'Permessage-Deflate; Client_Max_Window_Bits="12"', 'capped'],
    // Left to ws, which refuses a header it cannot read with 400 naming the header.
    ['a header ws cannot read', 'permessage-deflate;;', 'capped']
  ] as const)('%s: %s → %s', (_who, header, setup) => {
    expect(deflateSetupFor(header)).toBe(setup);
  });
});
