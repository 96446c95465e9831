/**
 * Saved versions of boards: saving the live board's content (by a facilitator, or automatically on
 * a lock, a timer's end, hourly while edited, and before a restore), listing, reading, comparing
 * with now, and restoring — which writes the version into the live board in one server
 * transaction, so every connected client sees it, after saving a "before restore" version that
 * undoes it.
 *
 * A version's content is the board's JSON snapshot (docs/SCHEMA.md), kept as UTF-8 bytes next to
 * the document in the same store; retention is the store's (VERSION_RETENTION).
 */
import type * as Y from 'yjs';
import { laneCounts, readBoard, type BoardSnapshot } from '@plenary/shared/schema';
import {
  diffBoards,
  restoredVersionName,
  restoreBoard,
  type AutoLabel,
  type BoardDiff,
  type RestoreSummary,
  type VersionAuto,
  type VersionInfo
} from '@plenary/shared/versions';
import { createId } from '@plenary/shared/schema';
import type { ServerDocs } from '../documents/server-docs.ts';
import { createKeyedMutex } from '../lib/keyed-mutex.ts';
import type { Store, VersionEntry } from '../persistence/store.ts';
import { encodeVersion } from './version-bytes.ts';
import { readStoredVersion, versionInfoOf as infoOf, type StoredVersionMeta as StoredMeta } from './stored-version.ts';

/** Author recorded on automatic versions nobody asked for (hourly). */
export const SYSTEM_AUTHOR = 'system';

/** Labels of automatic versions: kinds, written in each reader's language by the web app and exports. */
export const AUTO_VERSION_LABEL = {
  lock: { kind: 'board-locked' },
  timer: { kind: 'timer-ended' },
  hourly: { kind: 'hourly' }
} as const satisfies Partial<Record<VersionAuto, AutoLabel>>;

/** A version a facilitator named (`label`, their words), or an automatic one (`auto` and its `autoLabel`). */
export type SaveVersionInput =
  | { label: string; auto?: undefined; author: string }
  | { auto: VersionAuto; autoLabel: AutoLabel; author: string; restoredFrom?: string };

export interface RestoreResult {
  /** The version that was restored. */
  restored: VersionInfo;
  /** The automatic version holding the board as it was just before: restoring it undoes this restore. */
  before: VersionInfo;
  changes: RestoreSummary;
}

export interface BoardVersions {
  save(boardId: string, input: SaveVersionInput): Promise<VersionInfo>;
  list(boardId: string): Promise<VersionInfo[]>;
  /** The version with its snapshot; null when the board has no such version. */
  get(boardId: string, versionId: string): Promise<{ version: VersionInfo; snapshot: BoardSnapshot } | null>;
  /** The version compared with the board now (`diff` goes from the version to now). */
  diff(boardId: string, versionId: string): Promise<{ version: VersionInfo; diff: BoardDiff; then: BoardSnapshot; now: BoardSnapshot } | null>;
  restore(boardId: string, versionId: string, author: string): Promise<RestoreResult | null>;
  /** Called after every save (the hourly timer restarts from it). */
  onSaved(listener: (boardId: string, version: VersionInfo) => void): void;
}

export const createBoardVersions = (store: Store, control: ServerDocs): BoardVersions => {
  // One save or restore of a board at a time in this process: a restore's "before" version and the
  // restore itself must not interleave with another restore of the same board.
  const mutex = createKeyedMutex();
  const listeners: ((boardId: string, version: VersionInfo) => void)[] = [];

  const saveSnapshot = async (boardId: string, snapshot: BoardSnapshot, counts: VersionInfo['counts'], input: SaveVersionInput) => {
    const meta: StoredMeta = {
      boardId,
      ...(input.auto ? { autoLabel: input.autoLabel } : { label: input.label }),
      author: input.author,
      auto: input.auto ?? null,
      counts,
      ...(input.auto && input.restoredFrom ? { restoredFrom: input.restoredFrom } : {})
    };
    const entry: VersionEntry = { id: createId(), createdAt: new Date().toISOString(), auto: input.auto !== undefined, meta: JSON.stringify(meta) };
    await store.saveVersion(boardId, entry, await encodeVersion(snapshot));
    const info = infoOf(entry);
    for (const listener of listeners) listener(boardId, info);
    return info;
  };

  const readNow = (boardId: string) => control.readBoard(boardId, (doc: Y.Doc) => ({ snapshot: readBoard(doc), counts: laneCounts(doc) }));

  const load = (boardId: string, versionId: string) => readStoredVersion(store, boardId, versionId);

  return {
    save: (boardId, input) =>
      mutex.run(boardId, async () => {
        const { snapshot, counts } = await readNow(boardId);
        return saveSnapshot(boardId, snapshot, counts, input);
      }),
    list: async (boardId) => (await store.listVersions(boardId)).map(infoOf),
    get: load,
    diff: async (boardId, versionId) => {
      const found = await load(boardId, versionId);
      if (!found) return null;
      const { snapshot: now } = await readNow(boardId);
      // biome-ignore lint/suspicious/noThenProperty: `then`/`now` name the two boards compared in the API's answer; never awaited
      return { version: found.version, diff: diffBoards(found.snapshot, now), then: found.snapshot, now };
    },
    restore: (boardId, versionId, author) =>
      mutex.run(boardId, async () => {
        const found = await load(boardId, versionId);
        if (!found) return null;
        // Read the board and restore it in one synchronous step, so no edit can land between the
        // "before" content and the restore (it would be in neither).
        const {
          before: beforeNow,
          counts,
          changes
        } = await control.withBoard(boardId, (doc) => {
          const snapshot = readBoard(doc);
          const laneTotals = laneCounts(doc);
          return { before: snapshot, counts: laneTotals, changes: restoreBoard(doc, found.snapshot) };
        });
        try {
          const before = await saveSnapshot(boardId, beforeNow, counts, {
            autoLabel: { kind: 'before-restore', of: restoredVersionName(found.version) },
            auto: 'restore',
            author,
            restoredFrom: versionId
          });
          return { restored: found.version, before, changes };
        } catch (err) {
          // Without its "before" version a restore could not be undone: put the board back.
          await control.withBoard(boardId, (doc) => restoreBoard(doc, beforeNow));
          throw err;
        }
      }),
    onSaved: (listener) => void listeners.push(listener)
  };
};
