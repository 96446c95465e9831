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
 * Presence (room-presence.ts): presenceBound, presence ids just announced here and the device each
 * came from, so that a tab back after a Wi-Fi drop may take its id over from its old connection on
 * another instance (which lets that one go); presenceQuery, "the board just opened here (or the
 * transport is back): who is present with you?", answered with presenceHeld (the ids this
 * instance's connections speak for, and their devices; learned only) and an awareness message of
 * their states.
 */
export const PeerKind = {
  update: 0,
  awareness: 1,
  stateVector: 2,
  stateVectorReply: 3,
  writers: 4,
  presenceBound: 5,
  presenceQuery: 6,
  presenceHeld: 7
} as const;
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
