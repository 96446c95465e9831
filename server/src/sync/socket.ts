/**
 * The minimal socket the sync core needs. The `ws` adapter (ws-server.ts) implements it; the core
 * never imports `ws`, so it can be driven by any transport.
 */
export interface SyncSocket {
  /** Queues a frame; `sent` is called once it has been handed to the network (not if the socket fails first). */
  send(frame: Uint8Array, sent?: () => void): void;
  close(code: number, reason: string): void;
  /** Bytes queued in the socket and not yet written (for back-pressure decisions). */
  readonly bufferedAmount: number;
}
