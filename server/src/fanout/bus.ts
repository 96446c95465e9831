/**
 * The transport between server instances that share one Redis: each room publishes its merged
 * updates and awareness here and applies what other instances publish. A message never comes
 * back to the instance that sent it.
 */
export type BusHandler = (bytes: Uint8Array) => void;

export interface Bus {
  /** Starts delivering messages other instances publish for this document. One handler per document. */
  subscribe(doc: string, onMessage: BusHandler): Promise<void>;
  unsubscribe(doc: string): Promise<void>;
  /** Sends bytes to every other instance subscribed to the document. Rejects while the transport is down. */
  publish(doc: string, bytes: Uint8Array): Promise<void>;
  /**
   * Called after the transport is whole again following an outage: messages may have been lost
   * in either direction meanwhile, so rooms should resync with the other instances.
   */
  onReconnect(cb: () => void): void;
  close(): Promise<void>;
}
