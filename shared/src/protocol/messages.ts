/**
 * Wire protocol of the sync endpoint: the standard y-websocket protocol, unchanged.
 *
 * Every WebSocket frame is binary: a varuint message tag, then the tag's payload.
 *
 *   MessageTag.sync            y-protocols/sync: step 1 (state vector), step 2 (missing updates), update
 *   MessageTag.awareness       y-protocols/awareness update (presence: name, city, colour, focused card)
 *   MessageTag.auth            y-protocols/auth: the server's "permission denied" with a reason
 *   MessageTag.queryAwareness  ask the peer to send every awareness state it knows
 *
 * Handshake: on connect the server sends sync step 1 and the awareness states of the room; the
 * client answers step 1 with step 2 and sends its own step 1, which the server answers with step 2.
 * From then on both sides send `update` messages. See docs/PROTOCOL.md.
 */
export const MessageTag = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3
} as const;
export type MessageTag = (typeof MessageTag)[keyof typeof MessageTag];

/** Sub-tags of a `sync` message, as defined by y-protocols/sync. */
export const SyncStep = {
  step1: 0,
  step2: 1,
  update: 2
} as const;
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep];

/** Sub-tags of an `auth` message, as defined by y-protocols/auth. */
export const AuthMessage = {
  permissionDenied: 0
} as const;

/**
 * Reasons the server gives in a permission-denied message. The connection stays open; the
 * refused update is not applied, stored or forwarded.
 */
export const DenyReason = {
  /** An observer token may read the board but not change it. */
  readOnly: 'read-only',
  /** The board passed MAX_DOC_BYTES; only changes that delete content are accepted. */
  documentTooLarge: 'document-too-large',
  /** The facilitator locked the board; only facilitators may change it until it is unlocked. */
  locked: 'locked',
  /** The board's own settings (title, schema version, lock) are the facilitators'; the change was undone. */
  boardSettings: 'board-settings',
  /** The board already holds the most cards it may (`Limits.maxCards`); the cards just added were taken back. */
  boardFull: 'board-full'
} as const;
export type DenyReason = (typeof DenyReason)[keyof typeof DenyReason];

/** Path prefix of the sync endpoint: ws://host:port/sync/<boardId>?token=<token>. */
export const SYNC_PATH = '/sync';
