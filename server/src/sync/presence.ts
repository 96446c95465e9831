/**
 * Whose presence a connection may announce, and what it may say. A connection speaks only for the
 * awareness client it announced first. Providers echo every state they receive back to the server;
 * such echoes (a clock the room already has) are dropped, while an attempt to advance someone
 * else's state closes the connection (awarenessForged). Its own state must be a presence in the
 * board format (`presenceProblem`: which card, which field, where in it), or the connection is
 * closed as malformed: every screen draws those fields, so a bad one must not reach them.
 * A client's own state echoed back unchanged is dropped too, so presence never bounces between
 * the room and a provider. Whether a connection may take over an id another connection holds (the
 * same tab back after a Wi-Fi drop the server has not noticed yet) is the room's to say
 * (room-presence.ts).
 */
import type { Awareness } from 'y-protocols/awareness';
import { equalityDeep } from 'lib0/function';
import { CloseCode, presenceProblem } from '@plenary/shared/protocol';
import { ProtocolError, type AwarenessEntry } from './protocol.ts';

/** A connection as far as presence goes: the client id it speaks for, once bound. */
export interface PresenceSpeaker {
  awarenessId: number | undefined;
}

/**
 * The entries of a message the room applies for `speaker` (binding it to a new client id on its
 * first announcement), with clocks moved past the room's; throws ProtocolError for a forgery or a
 * malformed presence. `mayTakeOver(id)`: the speaker may bind `id` although the room holds its
 * presence.
 */
export const ownPresence = (
  awareness: Awareness,
  speaker: PresenceSpeaker,
  entries: AwarenessEntry[],
  mayTakeOver: (clientID: number) => boolean
): AwarenessEntry[] => {
  const own: AwarenessEntry[] = [];
  for (const entry of entries) {
    if (entry.clientID === speaker.awarenessId) {
      own.push(entry);
      continue;
    }
    // A client no one holds right now (new, or back after its connection dropped) binds the
    // connection; so does one the room says this speaker may take over.
    if (speaker.awarenessId === undefined && entry.state !== null && (!awareness.getStates().has(entry.clientID) || mayTakeOver(entry.clientID))) {
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
  return own.flatMap((e) => {
    const known = awareness.meta.get(e.clientID);
    if (!known || e.clock > known.clock) return [e];
    // Its own state as the room already holds it: the provider echoing the frame the room sent
    // everyone. Applying it with a new clock would send it back to the provider, whose echo would
    // come back again, hundreds of times a second until the rate limit closed every connection
    // on the board.
    if (equalityDeep(e.state, awareness.getStates().get(e.clientID) ?? null)) return [];
    // Anything else at a clock the room has passed (back after its connection dropped: the room
    // forgot the state but kept its clock) is the client's word now, not hidden until it catches up.
    return [{ ...e, clock: known.clock + 1 }];
  });
};
