/**
 * When a timer runs out, its boards (one board, or every board for a workshop timer) get an
 * automatic saved version. The instance that started or changed the timer watches it; a pause,
 * reset or added time replaces the watch.
 */
import { getTimersMap, timerKey, type Timer } from '@plenary/shared/control';
import { VersionAuto } from '@plenary/shared/versions';
import type { Logger } from '../log.ts';
import { AUTO_VERSION_LABEL, SYSTEM_AUTHOR, type BoardVersions } from './board-versions.ts';
import type { Workshop } from '../workshops/workshop.ts';
import type { ServerDocs } from '../documents/server-docs.ts';

export interface TimerVersions {
  /** Call after every timer command with the timer as written. */
  watch(workshop: Workshop, boardId: string | undefined, timer: Timer): void;
  close(): void;
}

export const createTimerVersions = (control: ServerDocs, versions: BoardVersions, log: Pick<Logger, 'warn'>): TimerVersions => {
  const watches = new Map<string, NodeJS.Timeout>();
  return {
    watch(workshop, boardId, timer) {
      const key = `${workshop.id}/${timerKey(boardId)}`;
      clearTimeout(watches.get(key));
      watches.delete(key);
      if (timer.state !== 'running' || timer.endsAt === undefined) return;
      const endsAt = timer.endsAt;
      const watch = setTimeout(
        async () => {
          watches.delete(key);
          const current = await control.readControl(workshop.id, (doc) => getTimersMap(doc).get(timerKey(boardId)) as Timer | undefined);
          // Changed since (by another instance, say): whoever changed it watches it now.
          if (current?.state !== 'running' || current.endsAt !== endsAt) return;
          for (const board of boardId ? [boardId] : workshop.boards.map((b) => b.id)) {
            await versions
              .save(board, { autoLabel: AUTO_VERSION_LABEL.timer, auto: VersionAuto.timer, author: SYSTEM_AUTHOR })
              .catch((err) => log.warn({ doc: board, err: String(err) }, 'timer version could not be saved'));
          }
        },
        Math.max(0, endsAt - Date.now())
      );
      watch.unref();
      watches.set(key, watch);
    },
    close() {
      for (const watch of watches.values()) clearTimeout(watch);
      watches.clear();
    }
  };
};
