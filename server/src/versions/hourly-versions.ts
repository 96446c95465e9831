/**
 * At most one automatic version an hour while a board is being edited: the first local edit after
 * the board's last version starts a timer for that board; when it fires, a version is saved. Any
 * version saved meanwhile (named, on a lock, on a timer's end) cancels the timer, and the next
 * edit starts a new one — so a board nobody edits gets no hourly versions.
 */
import { workshopOfControlDoc } from '@plenary/shared/protocol';
import { VersionAuto } from '@plenary/shared/versions';
import type { Logger } from '../log.ts';
import { AUTO_VERSION_LABEL, SYSTEM_AUTHOR, type BoardVersions } from './board-versions.ts';

export const HOURLY_VERSION_MS = 60 * 60 * 1000;

export interface HourlyVersions {
  /** Call on every local edit of a document (the room does); control documents are ignored. */
  noteEdit(docName: string): void;
  /** Boards with a timer running (for tests and metrics). */
  readonly pending: number;
  /** Stops every timer (shutdown). */
  close(): void;
}

export const createHourlyVersions = (versions: BoardVersions, log: Pick<Logger, 'warn'>, intervalMs = HOURLY_VERSION_MS): HourlyVersions => {
  const timers = new Map<string, NodeJS.Timeout>();
  const cancel = (boardId: string) => {
    clearTimeout(timers.get(boardId));
    timers.delete(boardId);
  };
  versions.onSaved((boardId) => cancel(boardId));
  return {
    noteEdit(docName) {
      if (timers.has(docName) || workshopOfControlDoc(docName) !== null) return;
      const timer = setTimeout(() => {
        timers.delete(docName);
        versions
          .save(docName, { autoLabel: AUTO_VERSION_LABEL.hourly, auto: VersionAuto.hourly, author: SYSTEM_AUTHOR })
          .catch((err) => log.warn({ doc: docName, err: String(err) }, 'hourly version could not be saved'));
      }, intervalMs);
      // A pending hourly version never keeps the process alive on shutdown.
      timer.unref();
      timers.set(docName, timer);
    },
    get pending() {
      return timers.size;
    },
    close() {
      for (const boardId of [...timers.keys()]) cancel(boardId);
    }
  };
};
