/**
 * What the sync core needs from the cross-instance transport (server/src/fanout). Messages are
 * opaque bytes; this module gives them a one-byte kind.
 */
export interface PeerBus {
  subscribe(doc: string, onMessage: (bytes: Uint8Array) => void): Promise<void>;
  unsubscribe(doc: string): Promise<void>;
  publish(doc: string, bytes: Uint8Array): Promise<void>;
  onReconnect(cb: () => void): void;
  close(): Promise<void>;
}

export const PeerKind = { update: 0, awareness: 1 } as const;
export type PeerKind = (typeof PeerKind)[keyof typeof PeerKind];

export const encodePeer = (kind: PeerKind, payload: Uint8Array): Uint8Array => {
  const out = new Uint8Array(payload.length + 1);
  out[0] = kind;
  out.set(payload, 1);
  return out;
};

export const decodePeer = (bytes: Uint8Array): { kind: number; payload: Uint8Array } => ({
  kind: bytes[0] ?? -1,
  payload: bytes.subarray(1)
});
