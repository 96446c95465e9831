/**
 * Whose presence a connection may announce, and what it may say. A connection speaks only for the
 * awareness client it announced first. Providers echo every state they receive back to the server;
 * such echoes (a clock the room already has) are dropped, while an attempt to advance someone
 * else's state closes the connection (awarenessForged). Its own state must be a presence in the
 * board format (`presenceProblem`: which card, which field, where in it), or the connection is
 * closed as malformed: every screen draws those fields, so a bad one must not reach them.
 */
import type { Awareness } from 'y-protocols/awareness';
import { CloseCode, presenceProblem } from '@plenary/shared/protocol';
import { ProtocolError, type AwarenessEntry } from './protocol.ts';

/** A connection as far as presence goes: the client id it speaks for, once bound. */
export interface PresenceSpeaker {
  awarenessId: number | undefined;
}

/**
 * The entries of a message the room applies for `speaker` (binding it to a new client id on its
 * first announcement), with clocks moved past the room's; throws ProtocolError for a forgery or a
 * malformed presence.
 */
export const ownPresence = (awareness: Awareness, speaker: PresenceSpeaker, entries: AwarenessEntry[]): AwarenessEntry[] => {
  const own: AwarenessEntry[] = [];
  for (const entry of entries) {
    if (entry.clientID === speaker.awarenessId) {
      own.push(entry);
      continue;
    }
    // A client no one holds right now (new, or back after its connection dropped) binds the connection.
    if (speaker.awarenessId === undefined && entry.state !== null && !awareness.getStates().has(entry.clientID)) {
      speaker.awarenessId = entry.clientID;
      own.push(entry);
      continue;
    }
    // An echo of a state the room already has is dropped; advancing someone else's state is not allowed.
    const known = awareness.meta.get(entry.clientID);
    if (known && entry.clock <= known.clock) continue;
    throw new ProtocolError(CloseCode.awarenessForged, 'awareness for another client');
  }
  for (const entry of own) {
    const problem = presenceProblem(entry.state);
    if (problem) throw new ProtocolError(CloseCode.malformedMessage, `awareness: ${problem}`);
  }
  // The connection speaks for its client: a clock behind ours (the room bumped it when the client's
  // previous connection dropped) must not hide its presence until it catches up.
  return own.map((e) => {
    const known = awareness.meta.get(e.clientID);
    return known && e.clock <= known.clock ? { ...e, clock: known.clock + 1 } : e;
  });
};
