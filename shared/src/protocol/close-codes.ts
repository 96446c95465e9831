/**
 * WebSocket close codes the server uses, shared with the web app so it can tell the person what
 * happened. 1000–1015 are the standard codes; 4000–4999 are Plenary's own, following y-websocket's
 * convention: 4400–4499 mean "the client did something wrong — do not reconnect" (its provider
 * stops by itself), anything else may be retried.
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
  /** The link was re-issued (revoked) while the connection was open, or just before it joined. */
  tokenRevoked: 4403,
  /** The token's lifetime ended while the connection was open. */
  tokenExpired: 4410,
  /** The top-level message tag is not one the protocol defines. */
  unknownMessageType: 4404,
  /** No pong arrived for a ping: the laptop lid closed or the Wi-Fi went away. Retryable. */
  pingTimeout: 4504,
  /** An awareness message described a client other than the connection's own. */
  awarenessForged: 4409,
  /** Too many messages from one socket (per-connection rate limit). */
  rateLimited: 4429,
  /** The document could not be loaded from the store; retry later. */
  loadFailed: 4500,
  /**
   * The client stopped reading: more than MAX_BUFFERED_BYTES waited in its socket. Retryable — a
   * phone on hotel Wi-Fi that stalled comes back and catches up with one sync.
   */
  slowReader: 4508,
  /**
   * The client sent more edits built on edits the server never received than a board holds back
   * (MAX_MESSAGE_BYTES). Retryable: a reconnecting client's sync sends the missing edits too.
   */
  gappedUpdates: 4509,
  /**
   * The same tab connected again while this connection was still open on the server (a Wi-Fi drop
   * the server had not noticed yet): the newer connection speaks for the tab now. Retryable, though
   * the tab behind it has usually gone already.
   */
  replaced: 4510
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** True for codes after which reconnecting cannot succeed (4400–4499, as y-websocket treats them). */
export const isFinalCloseCode = (code: number): boolean => code >= 4400 && code < 4500;

/** Every Plenary close code after which reconnecting cannot succeed. */
export const FINAL_CLOSE_CODES: readonly number[] = Object.values(CloseCode).filter(isFinalCloseCode);

/** A short human-readable name for each code, sent as the close reason and logged. */
export const closeReason = (code: number): string => {
  for (const [name, value] of Object.entries(CloseCode)) if (value === code) return name;
  return 'unknown';
};
