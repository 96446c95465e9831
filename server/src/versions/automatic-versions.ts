/**
 * Every automatic version starts here: when a board is locked (often the end of a session), when a
 * timer runs out (timer-versions.ts), and at most hourly while a board is edited
 * (hourly-versions.ts). Facilitation and the sync policy tell it what happened; it decides what to save.
 */
import { VersionAuto } from '@plenary/shared/versions';
import type { ServerDocs } from '../documents/server-docs.ts';
import type { Logger } from '../log.ts';
import { AUTO_VERSION_LABEL, type BoardVersions } from './board-versions.ts';
import { createHourlyVersions, HOURLY_VERSION_MS } from './hourly-versions.ts';
import { createTimerVersions, type TimerVersions } from './timer-versions.ts';

export interface AutomaticVersions {
  /** A client of this instance edited a document. */
  edited(docName: string): void;
  /** Boards were locked by `author`: each gets a version. */
  locked(boardIds: readonly string[], author: string): Promise<void>;
  /** A timer command was applied (start, pause, add…): watch for its end. */
  timerChanged: TimerVersions['watch'];
  /** Boards waiting for their hourly version (tests, metrics). */
  readonly hourlyPending: number;
  close(): void;
}

export const createAutomaticVersions = (
  versions: BoardVersions,
  docs: ServerDocs,
  log: Pick<Logger, 'warn'>,
  hourlyMs = HOURLY_VERSION_MS
): AutomaticVersions => {
  const hourly = createHourlyVersions(versions, log, hourlyMs);
  const timers = createTimerVersions(docs, versions, log);
  return {
    edited: (docName) => hourly.noteEdit(docName),
    async locked(boardIds, author) {
      for (const boardId of boardIds) await versions.save(boardId, { autoLabel: AUTO_VERSION_LABEL.lock, auto: VersionAuto.lock, author });
    },
    timerChanged: (workshop, boardId, timer) => timers.watch(workshop, boardId, timer),
    get hourlyPending() {
      return hourly.pending;
    },
    close() {
      hourly.close();
      timers.close();
    }
  };
};
