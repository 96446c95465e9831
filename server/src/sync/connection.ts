/**
 * One client's socket in one room: rate limit, strict decoding, and closing with a named code
 * when the client misbehaves. Frames that arrive before the room has read the store are queued
 * here, and messages other than sync step 1 that arrive while it integrates what it read are held
 * by the room (both bounded by the rate limiter's burst).
 *
 * What the server sends is bounded too: a client that stops reading (a stalled phone, or someone
 * asking for more than they read) is closed as a slow reader once more than MAX_BUFFERED_BYTES
 * wait in its socket beyond the largest single frame it was sent (a fresh device's whole board is
 * one frame and must be allowed to take its time).
 */
import { CloseCode, closeReason } from '@plenary/shared/protocol';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { ProtocolError, readClientMessage, writePermissionDenied, type ClientMessage } from './protocol.ts';
import { RateLimiter } from './rate-limit.ts';
import type { ConnectionIdentity } from './policy.ts';
import type { SyncSocket } from './socket.ts';

export interface ConnectionInfo extends ConnectionIdentity {
  id: string;
  boardId: string;
  /** The device it comes from (its DEVICE_COOKIE key, hashed), if it presented one: writer-ids.ts. */
  device?: string;
}

/** The room a connection talks to (room.ts); declared here so a connection needs no room import. */
export interface ConnectionRoom {
  join(conn: Connection): void;
  receive(conn: Connection, msg: ClientMessage): void;
  leave(conn: Connection): void;
}

/** setTimeout's longest delay (about 24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Connection {
  readonly kind = 'connection';
  /** The awareness client id this connection speaks for (bound by its first awareness message). */
  awarenessId: number | undefined = undefined;
  readonly readOnly: boolean;
  closed = false;
  private room: ConnectionRoom | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;
  private queue: Uint8Array[] = [];
  private readonly limiter: RateLimiter;
  private childLog: Logger | null = null;
  /** The largest frame sent so far: one such frame may always be on its way. */
  private largestFrame = 0;

  constructor(
    private readonly socket: SyncSocket,
    readonly info: ConnectionInfo,
    private readonly deps: { log: Logger; metrics: Metrics; ratePerSec: number; rateBurst: number; maxBufferedBytes: number }
  ) {
    this.readOnly = info.readOnly;
    this.limiter = new RateLimiter(deps.ratePerSec, deps.rateBurst);
    this.armExpiry();
  }

  /**
   * The connection's logger, made when it first has something to say: most connections never
   * log, and making one for each of the thousands that open at once when a venue's Wi-Fi comes
   * back is measurable work.
   */
  private get log(): Logger {
    this.childLog ??= this.deps.log.child({ conn: this.info.id, doc: this.info.boardId, role: this.info.role });
    return this.childLog;
  }

  /** Closes the connection when its token expires (a link's lifetime ends while the socket is open). */
  private armExpiry(): void {
    const left = this.info.expiresAt - Date.now();
    if (left <= 0) return this.close(CloseCode.tokenExpired, 'the link expired');
    this.expiryTimer = setTimeout(() => this.armExpiry(), Math.min(left, MAX_TIMER_MS));
    this.expiryTimer.unref();
  }

  attach(room: ConnectionRoom): void {
    if (this.closed) return;
    this.room = room;
    room.join(this);
    const queued = this.queue;
    this.queue = [];
    for (const frame of queued) this.handle(frame);
  }

  receive(frame: Uint8Array): void {
    if (this.closed) return;
    if (!this.limiter.take()) return this.close(CloseCode.rateLimited, 'message rate limit exceeded');
    if (!this.room) this.queue.push(frame);
    else this.handle(frame);
  }

  private handle(frame: Uint8Array): void {
    this.run(() => this.room!.receive(this, readClientMessage(frame)));
  }

  /** Hands a message the room held back (while it loaded) to the room again. */
  replay(msg: ClientMessage): void {
    this.run(() => this.room!.receive(this, msg));
  }

  /** Runs what the room does with a message; a ProtocolError closes the connection with its code. */
  private run(work: () => void): void {
    if (this.closed || !this.room) return;
    try {
      work();
    } catch (err) {
      if (err instanceof ProtocolError) return this.close(err.code, err.message);
      this.log.error({ err }, 'unexpected error handling a message');
      this.close(CloseCode.malformedMessage, 'message could not be handled');
    }
  }

  /** Bytes sent to the socket and not yet handed to the network. */
  get unsentBytes(): number {
    return this.socket.bufferedAmount;
  }

  /** Queues a frame for the client; `sent` as the socket's (never called for a frame not queued). */
  send(frame: Uint8Array, sent?: () => void): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.deps.maxBufferedBytes + this.largestFrame) {
      // Nothing more is queued for it: its socket keeps only what it already holds until closed.
      return this.close(CloseCode.slowReader, `more than ${this.deps.maxBufferedBytes} bytes unread`);
    }
    this.largestFrame = Math.max(this.largestFrame, frame.length);
    this.socket.send(frame, sent);
  }

  deny(reason: string): void {
    this.log.info({ reason }, 'update refused');
    this.send(writePermissionDenied(reason));
  }

  /** Closes the socket with a named code; the room forgets the connection when the socket reports closed. */
  close(code: number, detail?: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.deps.metrics.closes.inc({ code: String(code) });
    this.log.info({ code, reason: closeReason(code), detail }, 'closing connection');
    this.socket.close(code, closeReason(code));
    this.room?.leave(this);
  }

  /** The socket is gone (closed by either side). */
  closedBySocket(): void {
    this.closed = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.room?.leave(this);
  }
}
