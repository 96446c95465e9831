/**
 * What a room keeps while its document is not yet integrated (room.ts), and when to stop waiting:
 * joins are answered from the stored bytes meanwhile, and everything that needs the document waits
 * here, in the order it came.
 *
 * - messages from the other instances, applied once the document is built;
 * - the connections that joined: they get the server's sync step 1 then (it names what the
 *   server holds), and integrating waits a little until each has its answer (`waiting`);
 * - a client's edits, replayed after (its step 1 is answered and its presence goes round at once).
 *
 * The document is built (`untilNeeded`) when something needs it: an edit or another instance's
 * message waiting here, a reader of the board (`need`); right after the answers when a returning
 * device joined, since what it wrote offline comes only when the server's own step 1 asks for it;
 * otherwise once no joiner has waited for its answer for `quietMs`, at the latest `maxDeferMs`
 * after the load. A board read ahead of its people (read-ahead.ts) starts that clock only when the
 * first of them joins, and is let go unbuilt if none does, or once another instance is heard on
 * it. Building it blocks the process for as long as a client takes to apply the board (a few
 * hundred ms for a large one): started before a joiner's answer has left, it would hold
 * that answer back; started while the joiners apply what they were sent, it takes a core from
 * them, and from the others still joining after an outage.
 */
import type { Connection } from './connection.ts';
import type { ClientMessage } from './protocol.ts';

/** How often the wait looks whether the joiners have their answers. */
const ANSWER_POLL_MS = 2;
/** How often it looks once they have them (anything that needs the document wakes it at once). */
const QUIET_POLL_MS = 25;

/** When a room answering from its stored bytes builds its document (LOAD_QUIET_MS, LOAD_MAX_DEFER_MS). */
export interface IntegrateTiming {
  /** The document is built once no joiner has waited for its answer for this long… */
  quietMs: number;
  /** …or this long after the load, whichever comes first. */
  maxDeferMs: number;
}

export interface HeldMessage {
  conn: Connection;
  msg: ClientMessage;
}

export class UntilLoaded {
  private peer: Uint8Array[] = [];
  private joined = new Set<Connection>();
  /** Joiners whose step 1 is not answered yet. */
  private unanswered = new Set<Connection>();
  private held: HeldMessage[] = [];
  /** Something needs the document now. */
  private needed = false;
  /** A joiner holds part of the board already: it may hold edits the server lacks. */
  private returningJoined = false;
  /** Anyone has joined (a board read ahead waits for this before its clock starts). */
  private anyJoined = false;
  /** A board read ahead: how long it waits for its first join before it is let go (null otherwise). */
  private readAheadHoldMs: number | null = null;
  private wake: (() => void) | null = null;

  /** Another instance's people are on this board: ours see their edits once the document is built. */
  peerMessage(bytes: Uint8Array): void {
    this.peer.push(bytes);
    // A board read ahead that nobody joined here yet is let go instead (untilNeeded).
    if (this.readAheadHoldMs !== null && !this.anyJoined) this.wake?.();
    else this.need();
  }

  /**
   * The board is read ahead of its people: its clock starts at the first join; until then another
   * instance's message, or `holdMs` without anyone, lets it go (`untilNeeded` resolves false).
   */
  readAhead(holdMs: number): void {
    this.readAheadHoldMs = holdMs;
  }

  /** Read ahead of its people: nobody waits on what it does with what it read. */
  get isReadAhead(): boolean {
    return this.readAheadHoldMs !== null;
  }

  join(conn: Connection): void {
    this.joined.add(conn);
    this.unanswered.add(conn);
    this.anyJoined = true;
    this.wake?.();
  }

  leave(conn: Connection): void {
    this.joined.delete(conn);
    this.unanswered.delete(conn);
  }

  /** The connection's step 1 has been answered from the stored bytes; `holdsPart`: it sent a state vector. */
  answered(conn: Connection, holdsPart: boolean): void {
    this.unanswered.delete(conn);
    if (holdsPart) this.returningJoined = true;
  }

  /** A client's edit, for once the document is built (which it needs now). */
  hold(conn: Connection, msg: ClientMessage): void {
    this.held.push({ conn, msg });
    this.need();
  }

  /** The document is needed now (a reader of the board, shutdown): no more waiting for the joins to calm. */
  need(): void {
    this.needed = true;
    this.wake?.();
  }

  /**
   * Resolves true when the document should be built (see above), or once `done` (built or closed
   * meanwhile); false for a board read ahead that nobody joined or needed in time (`readAhead`).
   */
  async untilNeeded(timing: IntegrateTiming, done: () => boolean): Promise<boolean> {
    if (this.readAheadHoldMs !== null) {
      const until = performance.now() + this.readAheadHoldMs;
      while (!done() && !this.needed && !this.anyJoined) {
        // Another instance is editing it (or has people on it): what was read here is behind
        // already, and a join here later reads the board afresh.
        if (this.peer.length > 0) return false;
        const left = until - performance.now();
        if (left <= 0) return false;
        await this.sleep(left);
      }
      // Joined or needed with another instance's messages waiting: they need the document now.
      if (this.peer.length > 0) this.needed = true;
    }
    const deadline = performance.now() + timing.maxDeferMs;
    let lastJoinerWaiting = performance.now();
    while (!done() && !this.needed && performance.now() < deadline) {
      if (this.waiting) lastJoinerWaiting = performance.now();
      else if (this.returningJoined || performance.now() - lastJoinerWaiting >= timing.quietMs) return true;
      await this.sleep(this.waiting ? ANSWER_POLL_MS : QUIET_POLL_MS);
    }
    return true;
  }

  /** Waits `ms`, or less if woken (a join, something needing the document). Holds no process open. */
  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
  }

  /** Nothing here waits to be written: no client's edit is held (another instance stores its own). */
  get holdsNoEdit(): boolean {
    return this.held.length === 0;
  }

  /** True while a joiner still waits for its answer, or its answer has not all left for its socket. */
  get waiting(): boolean {
    return this.unanswered.size > 0 || [...this.joined].some((conn) => conn.unsentBytes > 0);
  }

  /** Everything kept, to be served now that the document is built; keeps nothing after. */
  drain(): { peer: Uint8Array[]; joined: Connection[]; held: HeldMessage[] } {
    const kept = { peer: this.peer, joined: [...this.joined], held: this.held };
    this.peer = [];
    this.joined.clear();
    this.unanswered.clear();
    this.held = [];
    return kept;
  }
}
