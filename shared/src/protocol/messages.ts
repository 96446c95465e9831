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
  boardFull: 'board-full',
  /**
   * The update carried new edits under a Yjs client id another device writes with on this board
   * (docs/SECURITY.md, "Whose edits a device may send"); those edits were left out, the rest applied.
   */
  writerTaken: 'writer-taken'
} as const;
export type DenyReason = (typeof DenyReason)[keyof typeof DenyReason];

/** Path prefix of the sync endpoint: ws://host:port/sync/<boardId>?token=<token>. */
export const SYNC_PATH = '/sync';

/**
 * The cookie that tells the server which device a sync connection comes from: a random key the
 * server sets on the app's pages (HttpOnly, never sent to anyone else), so that the Yjs client ids
 * a device writes with on a board are its own (server/src/sync/writer-ids.ts).
 */
export const DEVICE_COOKIE = 'plenary_device';
/** A device key as the server issues it: 22 base64url characters (128 random bits). */
export const DEVICE_KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;
