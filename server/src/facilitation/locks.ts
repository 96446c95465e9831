/**
 * Locking boards, owned here: the lock that is enforced lives in the workshop's control document
 * (facilitation/policy.ts refuses delegates' edits while it is set); the board's own `locked`
 * setting mirrors it so snapshots and exports tell the truth; and locking saves a version.
 */
import { getLocksMap, writeLock } from '@plenary/shared/control';
import { getMetaMap } from '@plenary/shared/schema';
import type { ServerDocs } from '../documents/server-docs.ts';
import type { AutomaticVersions } from '../versions/index.ts';

export interface Locks {
  /** Locks or unlocks boards of a workshop; returns every lock of the workshop afterwards. */
  set(workshopId: string, boardIds: readonly string[], locked: boolean, author: string): Promise<Record<string, true>>;
}

export const createLocks = (docs: ServerDocs, autoVersions: AutomaticVersions): Locks => ({
  async set(workshopId, boardIds, locked, author) {
    const locks = await docs.withControl(workshopId, (doc) => {
      for (const boardId of boardIds) writeLock(doc, boardId, locked);
      return Object.fromEntries(getLocksMap(doc).entries());
    });
    for (const boardId of boardIds) await docs.withBoard(boardId, (doc) => getMetaMap(doc).set('locked', locked));
    if (locked) await autoVersions.locked(boardIds, author);
    return locks;
  }
});
