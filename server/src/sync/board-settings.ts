/**
 * A board's own settings — schema version, ids, theme, title, the lock mirror — belong to the
 * facilitators and the server. Yjs cannot refuse part of an update, so when anyone else's update
 * changes them, the room writes the previous values straight back (as the server) and tells the
 * sender: the change never lasts, and a forged schema version cannot make the board unloadable.
 */
import type * as Y from 'yjs';
import { getMetaMap } from '@plenary/shared/schema';

export interface SettingsGuard {
  /** Puts back what changed since the guard was taken; true when something had to be. */
  restore(origin: unknown): boolean;
}

export const guardBoardSettings = (doc: Y.Doc): SettingsGuard => {
  const meta = getMetaMap(doc);
  const before = new Map(meta.entries());
  return {
    restore(origin) {
      const keys = new Set([...before.keys(), ...meta.keys()]);
      const changed = [...keys].filter((key) => meta.get(key) !== before.get(key));
      if (changed.length === 0) return false;
      doc.transact(() => {
        for (const key of changed) {
          if (before.has(key)) meta.set(key, before.get(key));
          else meta.delete(key);
        }
      }, origin);
      return true;
    }
  };
};
