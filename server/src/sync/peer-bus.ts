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

/**
 * update/awareness: a tick's merged changes. stateVector: "this is what I have" after an outage —
 * peers answer with what it lacks, plus their own state vector (stateVectorReply, answered with
 * the difference only) so every instance converges whatever order they reconnect in.
 * writers: Yjs client ids just bound to a device (writer-ids.ts), for the instances that have the
 * board open already (one that opens it later reads them from the store).
 * presence: presence ids just announced and the device each came from (room-presence.ts), so that
 * a tab back after a Wi-Fi drop may take its id over from its old connection on another instance.
 */
export const PeerKind = { update: 0, awareness: 1, stateVector: 2, stateVectorReply: 3, writers: 4, presence: 5 } as const;
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
