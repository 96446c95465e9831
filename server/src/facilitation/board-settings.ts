/**
 * A board's own settings — schema version, ids, theme, title, the lock mirror — belong to the
 * facilitators and the server. Yjs cannot refuse part of an update, so when anyone else's update
 * changes them, the previous values are written straight back (as the server) and the sender is
 * told: the change never lasts, and a forged schema version cannot make the board unloadable.
 * It watches the settings map only, so edits to cards cost nothing extra.
 */
import type * as Y from 'yjs';
import { getMetaMap } from '@plenary/shared/schema';

export interface SettingsPolicy {
  /** May the author of a transaction with this origin change the settings? */
  mayChange(origin: unknown): boolean;
  /** Called once per refused change, after the values are put back. */
  refused(origin: unknown): void;
  /** Origin of the restoring transaction (stored and forwarded like the server's own edits). */
  restoreOrigin: unknown;
}

/** Starts guarding; returns the function that stops. */
export const protectBoardSettings = (doc: Y.Doc, policy: SettingsPolicy): (() => void) => {
  const meta = getMetaMap(doc);
  const observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (policy.mayChange(transaction.origin)) return;
    const changes = [...event.changes.keys];
    doc.transact(() => {
      for (const [key, change] of changes) {
        if (change.action === 'add') meta.delete(key);
        else meta.set(key, change.oldValue);
      }
    }, policy.restoreOrigin);
    policy.refused(transaction.origin);
  };
  meta.observe(observer);
  return () => meta.unobserve(observer);
};
