/**
 * WebSocket close codes the server uses, shared with the web app so it can tell the person what
 * happened. 1000–1015 are the standard codes; 4000–4999 are Plenary's own.
 * A client that sees one of the "do not retry" codes should stop reconnecting.
 */
export const CloseCode = {
  /** Standard: the server is shutting down (SIGTERM); reconnect shortly. */
  goingAway: 1001,
  /** Standard (set by ws itself): a frame was larger than MAX_MESSAGE_BYTES. */
  messageTooBig: 1009,
  /** The frame could not be decoded: truncated, bad varints, garbage update, absurd lengths. */
  malformedMessage: 4400,
  /** The frame was text, not binary. */
  unsupportedData: 4401,
  /** The token was revoked or expired while the connection was open. */
  tokenRevoked: 4403,
  /** The top-level message tag is not one the protocol defines. */
  unknownMessageType: 4404,
  /** No pong arrived for a ping: the laptop lid closed or the Wi-Fi went away. */
  pingTimeout: 4408,
  /** An awareness message described a client other than the connection's own. */
  awarenessForged: 4409,
  /** Too many messages from one socket (per-connection rate limit). */
  rateLimited: 4429,
  /** The document could not be loaded from the store; retry later. */
  loadFailed: 4500
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which reconnecting with the same token cannot succeed. */
export const FINAL_CLOSE_CODES: readonly number[] = [CloseCode.tokenRevoked];

/** A short human-readable name for each code, sent as the close reason and logged. */
export const closeReason = (code: number): string => {
  for (const [name, value] of Object.entries(CloseCode)) if (value === code) return name;
  return 'unknown';
};
