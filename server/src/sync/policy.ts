/**
 * The one seam between the sync core and the rules of a workshop. The core knows sockets,
 * connections, rooms and bytes; who may connect, who may write, and what happens after a room
 * loads or a connection joins are answered by a policy it calls at these named moments (the way
 * Hocuspocus extensions hook a document's lifecycle):
 *
 *   authenticate  the WebSocket upgrade: admit (with the connection's identity) or refuse (HTTP status)
 *   beforeLoad    a room starts reading its document: open the other rooms afterLoad will need, so
 *                 that they are read beside it instead of after it
 *   afterLoad     a room has read its document from the store, before anyone joins (install
 *                 observers, pin other rooms)
 *   beforeJoin    a connection attaches to its room: a close code turns it away
 *   writeDenied   an update arrives: why this connection may not change the document now, or null
 *
 * Both afterLoad and beforeJoin run before any byte goes to a connection. A room answers its first
 * joiners from the stored bytes while it integrates them into its Y.Doc (whole-state.ts), so for a
 * room whose checks do not read its own document (`readsDocument` false) they run before that
 * document is integrated: the room's `doc` may still be empty then. Observers installed then see
 * the stored content arrive with the store's origin.
 *
 * What happened is told the other way, as events of the room manager (`rooms.events`: an edit by a
 * client of this instance), so services built after the rooms can listen without forward references.
 * The core imports nothing else from the domain: facilitation/policy.ts implements this for workshops.
 */
import type { DenyReason, Role } from '@plenary/shared/protocol';

/** Who a connection is, as decided at the upgrade. */
export interface ConnectionIdentity {
  /** The workshop (or other scope) the connection belongs to. */
  scope: string;
  role: Role;
  /** Link generation of the token it came with (revocation). */
  generation: number;
  /** May read but never change documents. */
  readOnly: boolean;
  /** When the token stops being valid (epoch ms): the connection is closed then. */
  expiresAt: number;
}

/** What the upgrade request carries that a policy may need. */
export interface UpgradeRequest {
  boardId: string;
  /** The Authorization header, if any. */
  authorization: string | undefined;
  /** The request URL (`?token=` for browsers, which cannot set headers on a WebSocket). */
  url: URL;
}

export type Admission = { ok: true; identity: ConnectionIdentity } | { ok: false; status: 400 | 401 | 403 | 404 | 503; reason: string };

/** What a policy sees of a connection. */
export interface PolicyConnection {
  readonly info: ConnectionIdentity & { id: string; boardId: string };
  close(code: number, detail?: string): void;
  deny(reason: string): void;
}

/** What a policy sees of a room. */
export interface PolicyRoom {
  readonly name: string;
  readonly doc: import('yjs').Doc;
  readonly connections: ReadonlySet<PolicyConnection>;
  /** Keeps the room loaded without a connection until `unpin`. */
  pin(): void;
  unpin(): void;
  /** Runs when the room is destroyed (unloaded or failed to load). */
  onDestroy(hook: () => void): void;
}

/** The rooms of this process, for a policy that must open or visit other rooms. */
export interface RoomDirectory {
  open(name: string): Promise<PolicyRoom>;
  /** Every room of this process that connections may have joined (its document perhaps still integrating). */
  loaded(): Iterable<PolicyRoom>;
}

export interface SyncPolicy {
  /**
   * Do afterLoad and beforeJoin of this room read the room's own document? Then the core integrates
   * the stored document before calling them (and before answering anyone); otherwise the room's
   * first joiners are answered from the stored bytes while it integrates.
   */
  readsDocument(roomName: string): boolean;
  authenticate(request: UpgradeRequest): Promise<Admission>;
  /**
   * A room starts reading its document. Nothing waits for it: rooms it opens are read beside this
   * one (a board's workshop control document), and `afterLoad` finds them read or being read.
   */
  beforeLoad?(roomName: string, rooms: RoomDirectory): void;
  afterLoad(room: PolicyRoom, rooms: RoomDirectory): Promise<void>;
  beforeJoin(room: PolicyRoom, conn: PolicyConnection): number | null;
  writeDenied(room: PolicyRoom, conn: PolicyConnection): DenyReason | null;
}

/** Events of the rooms of this process. */
export interface RoomEventMap {
  /** A client of this instance changed the document `docName`. */
  edit: [docName: string];
  /**
   * A room read a board from the store: `frame` is what every device that holds nothing of it
   * will be sent (whole-state.ts), so the sync socket can compress it before anyone asks.
   */
  wholeState: [frame: Uint8Array];
}

/** A policy that admits everyone with one identity and adds no rule: for rooms driven in-process (tests, tools). */
export const openPolicy = (identity: Omit<ConnectionIdentity, 'expiresAt'> & { expiresAt?: number }): SyncPolicy => ({
  readsDocument: () => false,
  authenticate: async () => ({ ok: true, identity: { expiresAt: Number.MAX_SAFE_INTEGER, ...identity } }),
  afterLoad: async () => undefined,
  beforeJoin: () => null,
  writeDenied: () => null
});
