/**
 * Reading boards ahead at start. When the server restarts — a deploy, a crash — the people on its
 * boards come back within seconds (their devices retry on their own), and the first device of each
 * board waited for the store to be read, the log merged and the board compressed before its answer
 * could leave: on a fresh process that is most of a cold join (about 90 ms for a board of 1.2 MB,
 * against 30 ms once the answer is ready). The boards written or held open on devices in the last
 * READ_AHEAD_WINDOW_MS are read now instead, the latest first, one after another, up to
 * READ_AHEAD_BOARDS and READ_AHEAD_MAX_BYTES.
 *
 * Held open counts as much as written: a board on the projector during a plenary, or on phones
 * while the room listens, may go unwritten for longer than the window, and every one of its devices
 * comes back at once. So while the server runs it notes its open boards in the store
 * (`noteOpenBoards`) every ten seconds (a quarter of the window, if that is shorter).
 *
 * Each is read as a join reads it (room-manager.ts): it answers from its stored bytes, and its
 * answer is compressed as soon as it is read. Its document is built only once someone joins or
 * something needs it (until-loaded.ts), so a board nobody comes back to costs a read and is let go
 * after READ_AHEAD_HOLD_MS. A workshop's control document is read with its first board (the
 * policy's `afterLoad`), not on its own.
 */
import { workshopOfControlDoc } from '@plenary/shared/protocol';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../persistence/store.ts';
import type { RoomManager } from './room-manager.ts';

export interface ReadAheadDeps {
  store: Store;
  rooms: RoomManager;
  config: Pick<Config, 'READ_AHEAD_BOARDS' | 'READ_AHEAD_WINDOW_MS' | 'READ_AHEAD_MAX_BYTES' | 'READ_AHEAD_HOLD_MS'>;
  log: Logger;
}

export interface ReadAheadSummary {
  boards: number;
  bytes: number;
  ms: number;
}

/** Reads the recently written boards (see above); resolves once they are read, never rejects. */
export const readAhead = async ({ store, rooms, config, log }: ReadAheadDeps): Promise<ReadAheadSummary> => {
  const started = performance.now();
  const summary = { boards: 0, bytes: 0, ms: 0 };
  if (config.READ_AHEAD_BOARDS === 0) return summary;
  const since = new Date(Date.now() - config.READ_AHEAD_WINDOW_MS);
  // Control documents are written too; asking for twice as many leaves room for them.
  const names = await store.recentlyActive(since, config.READ_AHEAD_BOARDS * 2).catch((err) => {
    log.warn({ err: String(err) }, 'could not list the boards to read ahead');
    return [];
  });
  for (const name of names.filter((n) => workshopOfControlDoc(n) === null).slice(0, config.READ_AHEAD_BOARDS)) {
    if (summary.bytes >= config.READ_AHEAD_MAX_BYTES) break;
    try {
      const room = await rooms.readAhead(name, config.READ_AHEAD_HOLD_MS);
      summary.boards++;
      summary.bytes += room.unintegratedBytes;
    } catch (err) {
      log.warn({ doc: name, err: String(err) }, 'board not read ahead');
    }
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
};

/**
 * How often the open boards are noted: well within the window, and soon after a board is opened
 * (one write a turn for all of an instance's open boards).
 */
export const noteOpenEveryMs = (windowMs: number): number => Math.max(1, Math.min(10_000, Math.floor(windowMs / 4)));

/**
 * Notes the boards of this process that devices hold open, every `noteOpenEveryMs` (see above);
 * nothing when read-ahead is off. A note that fails is logged and tried again at the next turn.
 * Returns the function that stops it.
 */
export const noteOpenBoards = ({ store, rooms, config, log }: ReadAheadDeps): (() => void) => {
  if (config.READ_AHEAD_BOARDS === 0 || config.READ_AHEAD_WINDOW_MS === 0) return () => undefined;
  const timer = setInterval(() => {
    const open: string[] = [];
    for (const room of rooms.loaded()) if (room.connections.size > 0 && workshopOfControlDoc(room.name) === null) open.push(room.name);
    store.noteOpen(open).catch((err) => log.warn({ err: String(err), boards: open.length }, 'could not note the open boards'));
  }, noteOpenEveryMs(config.READ_AHEAD_WINDOW_MS));
  timer.unref();
  return () => clearInterval(timer);
};
