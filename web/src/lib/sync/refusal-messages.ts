/**
 * Every refusal the server makes, as something a person can read: a WebSocket close code, a
 * permission-denied reason on a board, or an HTTP refusal (`ApiError`). This module only picks the
 * message (a catalogue key with its values) so it stays free of the interface; components pass
 * the answer to `i18n.t(key, values)`.
 *
 * The tables are keyed by the shared constants' names and checked with `satisfies`, so a close
 * code or deny reason added in shared/ without a message here does not compile, and the unit test
 * (tests/unit/i18n/refusal-messages.test.ts) checks each key exists in the catalogue.
 *
 * Public API
 *   closeRefusal(code)      the message for a close code, or null for one the server never sends
 *   denyRefusal(reason)     the message for a permission-denied reason, or null for an unknown one
 *   httpRefusal(error)      the message for a failed API call (any thrown value)
 *   joinRefusal(error)      the same for a join-code look-up (unknown code, lock-out with minutes)
 *   Refusal                 { key, values?, final } — `final`: nothing will get better by waiting
 */
import { CloseCode, DenyReason, isFinalCloseCode } from '@plenary/shared/protocol';
// The constants alone: the schema's index brings Yjs, which the join page does not need.
import { Limits } from '@plenary/shared/schema/constants';
import { ApiError } from '../api/client.ts';

export interface Refusal {
  /** Catalogue key, for `i18n.t`. */
  key: string;
  values?: Record<string, unknown>;
  /** The person has to do something (ask for a link, reload, delete cards); waiting will not help. */
  final: boolean;
}

/** What happened and what to do, for each close code (by its name in `CloseCode`). */
export const CLOSE_KEYS = {
  goingAway: 'refusal.close.goingAway',
  messageTooBig: 'refusal.close.messageTooBig',
  malformedMessage: 'refusal.close.malformedMessage',
  unsupportedData: 'refusal.close.unsupportedData',
  tokenRevoked: 'refusal.close.tokenRevoked',
  tokenExpired: 'refusal.close.tokenExpired',
  unknownMessageType: 'refusal.close.unknownMessageType',
  pingTimeout: 'refusal.close.pingTimeout',
  awarenessForged: 'refusal.close.awarenessForged',
  rateLimited: 'refusal.close.rateLimited',
  loadFailed: 'refusal.close.loadFailed',
  slowReader: 'refusal.close.slowReader',
  gappedUpdates: 'refusal.close.gappedUpdates',
  replaced: 'refusal.close.replaced'
} as const satisfies Record<keyof typeof CloseCode, string>;

/** What a refused change means, for each deny reason. */
export const DENY_KEYS = {
  [DenyReason.readOnly]: 'refusal.deny.readOnly',
  [DenyReason.documentTooLarge]: 'refusal.deny.documentTooLarge',
  [DenyReason.locked]: 'refusal.deny.locked',
  [DenyReason.boardSettings]: 'refusal.deny.boardSettings',
  [DenyReason.boardFull]: 'refusal.deny.boardFull',
  [DenyReason.writerTaken]: 'refusal.deny.writerTaken'
} as const satisfies Record<DenyReason, string>;

/** Every key an HTTP refusal may use. */
export const HTTP_KEYS = {
  network: 'refusal.http.network',
  lockedOut: 'refusal.http.lockedOut',
  tooMany: 'refusal.http.tooMany',
  forbidden: 'refusal.http.forbidden',
  failed: 'refusal.http.failed'
} as const;

/** Deny reasons after which the person must act; a locked board unlocks by itself. */
const DENY_FINAL: Record<DenyReason, boolean> = {
  [DenyReason.readOnly]: true,
  [DenyReason.documentTooLarge]: true,
  [DenyReason.locked]: false,
  [DenyReason.boardSettings]: true,
  [DenyReason.boardFull]: true,
  // What was refused stays on this screen only: the person may want to enter it again. (The
  // device's next edits go out under its fresh id: board-connection gives up the kept one.)
  [DenyReason.writerTaken]: true
};

const closeNames = new Map<number, keyof typeof CloseCode>(
  (Object.entries(CloseCode) as [keyof typeof CloseCode, number][]).map(([name, code]) => [code, name])
);

export const closeRefusal = (code: number): Refusal | null => {
  const name = closeNames.get(code);
  if (!name) return null;
  return { key: CLOSE_KEYS[name], final: isFinalCloseCode(code) };
};

export const denyRefusal = (reason: string): Refusal | null => {
  if (!(reason in DENY_KEYS)) return null;
  const known = reason as DenyReason;
  return { key: DENY_KEYS[known], values: known === DenyReason.boardFull ? { max: Limits.maxCards } : undefined, final: DENY_FINAL[known] };
};

/** A lock-out is told in minutes (rounded up: "14 minutes" never turns out to be 15). */
const minutesOf = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));
const secondsOf = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

export const httpRefusal = (error: unknown): Refusal => {
  if (!(error instanceof ApiError) || error.isNetwork) return { key: HTTP_KEYS.network, final: false };
  if (error.status === 429 || error.status === 503) {
    const wait = error.retryAfterMs ?? 60_000;
    return { key: HTTP_KEYS.tooMany, values: { seconds: secondsOf(wait) }, final: false };
  }
  if (error.status === 401 || error.status === 403) return { key: HTTP_KEYS.forbidden, final: true };
  return { key: HTTP_KEYS.failed, final: false };
};

/**
 * A join-code look-up: an unknown code, and the lock-out after too many wrong codes from one
 * network (429 with Retry-After, minutes long), which must not read as "could not be reached".
 */
export const joinRefusal = (error: unknown): Refusal => {
  if (error instanceof ApiError && error.status === 404) return { key: 'join.codeUnknown', final: true };
  if (error instanceof ApiError && error.status === 429 && (error.retryAfterMs ?? 0) >= 60_000) {
    return { key: HTTP_KEYS.lockedOut, values: { minutes: minutesOf(error.retryAfterMs!) }, final: false };
  }
  if (!(error instanceof ApiError) || error.isNetwork) return { key: 'join.codeError', final: false };
  return httpRefusal(error);
};
