/**
 * A workshop's control document (`ctl_<workshopId>`) as reactive plain values: banner, timers,
 * agenda, locks, follow-me, voting rounds and consent. Only the server writes it; this device
 * syncs it read-only over the board sync machinery (with an IndexedDB copy, so a board page
 * opened offline still shows its last lock, banner and timer).
 *
 * Public API
 *   const control = new Control(workshopId, token)
 *   control.snapshot          ControlSnapshot                                 ($state)
 *   control.connection        the BoardConnection underneath
 *   control.bannerFor(boardId?) / timerFor(boardId?) / locked(boardId)
 *   control.roundFor(boardId, lane?)   the round to show: the open one, else the latest
 *   control.destroy()
 */
import { controlDocName, readControl, RoundStatus, ControlKey, type Banner, type ControlSnapshot, type Round, type Timer } from '@plenary/shared/control';
import type { Lane } from '@plenary/shared/schema';
import type * as Y from 'yjs';
import { BoardConnection, changedDocument } from '$lib/sync';

const EMPTY: ControlSnapshot = {
  workshopId: '',
  generations: { facilitator: 0, delegate: 0, observer: 0 },
  banners: {},
  timers: {},
  sessions: [],
  locks: {},
  follow: null,
  rounds: {},
  consent: {},
  consentScope: 'involved'
};

export class Control {
  readonly workshopId: string;
  readonly connection: BoardConnection;
  snapshot = $state.raw<ControlSnapshot>(EMPTY);

  #pending = false;
  readonly #onChange: (transaction?: Y.Transaction) => void;

  constructor(workshopId: string, token: string) {
    this.workshopId = workshopId;
    this.connection = new BoardConnection(controlDocName(workshopId), token, { awareness: false, watchOnly: true });
    const doc = this.connection.doc;
    // Several maps change in one server transaction: read once per burst. 'afterTransaction', not
    // 'update': what the server sends is applied without an 'update' (quiet-updates.ts).
    this.#onChange = (transaction) => {
      if (this.#pending || (transaction && !changedDocument(transaction))) return;
      this.#pending = true;
      queueMicrotask(() => {
        this.#pending = false;
        this.snapshot = readControl(doc);
      });
    };
    doc.on('afterTransaction', this.#onChange);
    void this.connection.whenLoaded.then(() => this.#onChange());
  }

  /** The board's own banner, else the workshop-wide one. */
  bannerFor(boardId?: string): Banner | null {
    const { banners } = this.snapshot;
    return (boardId ? banners[boardId] : undefined) ?? banners[ControlKey.bannerAll] ?? null;
  }

  /** The board's own timer, else the workshop-wide one. */
  timerFor(boardId?: string): Timer | null {
    const { timers } = this.snapshot;
    return (boardId ? timers[boardId] : undefined) ?? timers[ControlKey.workshopTimer] ?? null;
  }

  locked(boardId: string): boolean {
    return this.snapshot.locks[boardId] === true;
  }

  /** The round a board (or one of its lanes) shows: the open one, else the most recent. */
  roundFor(boardId: string, lane?: Lane): Round | null {
    let best: Round | null = null;
    for (const round of Object.values(this.snapshot.rounds)) {
      if (round.boardId !== boardId || (lane && round.lane !== lane)) continue;
      if (round.status === RoundStatus.open) return round;
      if (!best || round.openedAt > best.openedAt) best = round;
    }
    return best;
  }

  destroy(): void {
    this.connection.doc.off('afterTransaction', this.#onChange);
    this.connection.destroy();
  }
}
