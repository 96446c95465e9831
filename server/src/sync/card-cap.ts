/**
 * A board holds at most `Limits.maxCards` cards, whatever the client: the web app refuses to add
 * more, and this keeps a raw client from adding thousands. Yjs cannot refuse part of an update, so
 * when a connection's transaction takes the board past the cap, every card that transaction added
 * is deleted straight away (as the server) and the sender is told. Deleting and editing cards is
 * never refused. Changes from the store or other instances are left alone: the instance that
 * accepted them applied the same cap, and undoing them here would fight it.
 */
import type * as Y from 'yjs';
import { DenyReason } from '@plenary/shared/protocol';
import { Limits, getCardsMap, type CardMap } from '@plenary/shared/schema';

export interface CardCapPolicy {
  /** Who is told when their cards are taken back: the connection behind a transaction, or null to accept it as is. */
  author(origin: unknown): { deny(reason: DenyReason): void } | null;
  /** Origin of the deleting transaction (stored and forwarded like the server's own edits). */
  restoreOrigin: unknown;
}

/** Starts watching the board's cards; returns the function that stops. */
export const capCards = (doc: Y.Doc, policy: CardCapPolicy, max: number = Limits.maxCards): (() => void) => {
  const cards = getCardsMap(doc);
  const observer = (event: Y.YMapEvent<CardMap>, transaction: Y.Transaction) => {
    if (cards.size <= max) return;
    const author = policy.author(transaction.origin);
    if (!author) return;
    const added = [...event.changes.keys].filter(([, change]) => change.action === 'add').map(([key]) => key);
    if (added.length === 0) return;
    doc.transact(() => {
      for (const key of added) cards.delete(key);
    }, policy.restoreOrigin);
    author.deny(DenyReason.boardFull);
  };
  cards.observe(observer);
  return () => cards.unobserve(observer);
};
