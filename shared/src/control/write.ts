/**
 * Writing the control document. Only the server calls these (inside one transaction carrying its
 * own origin); every client's update to a control document is refused by the sync endpoint.
 * Values are whole JSON objects, replaced as a unit, so a reader never sees half a change.
 */
import type * as Y from 'yjs';
import type { Role } from '../protocol/tokens.ts';
import { ControlKey, ControlRoot, type ConsentScope } from './constants.ts';
import {
  bannerKey,
  consentKey,
  getAgendaMap,
  getBannerMap,
  getConsentMap,
  getControlMap,
  getFollowMap,
  getLocksMap,
  getRoundsMap,
  getTimersMap,
  timerKey
} from './layout.ts';
import type { AgendaSession, Banner, ConsentRecord, Follow, Round, Timer } from './types.ts';

/** Records the workshop id and the link generations (bumped when links are re-issued). */
export const writeControlMeta = (doc: Y.Doc, workshopId: string, generations: Record<Role, number>): void => {
  const meta = getControlMap(doc, ControlRoot.meta);
  meta.set(ControlKey.workshopId, workshopId);
  meta.set(ControlKey.generations, { ...generations });
};

/** Sets (or, with null, removes) the banner of a board, or of every board without `boardId`. */
export const writeBanner = (doc: Y.Doc, boardId: string | undefined, banner: Banner | null): void => {
  if (banner) getBannerMap(doc).set(bannerKey(boardId), banner);
  else getBannerMap(doc).delete(bannerKey(boardId));
};

/** Sets the timer of a board, or the workshop-wide one without `boardId`. */
export const writeTimer = (doc: Y.Doc, boardId: string | undefined, timer: Timer): void => {
  getTimersMap(doc).set(timerKey(boardId), timer);
};

export const writeSessions = (doc: Y.Doc, sessions: AgendaSession[]): void => {
  getAgendaMap(doc).set(ControlKey.sessions, sessions);
};

/** Locks or unlocks a board; an unlocked board has no entry. */
export const writeLock = (doc: Y.Doc, boardId: string, locked: boolean): void => {
  if (locked) getLocksMap(doc).set(boardId, true);
  else getLocksMap(doc).delete(boardId);
};

export const writeFollow = (doc: Y.Doc, follow: Follow | null): void => {
  if (follow) getFollowMap(doc).set(ControlKey.followCurrent, follow);
  else getFollowMap(doc).delete(ControlKey.followCurrent);
};

export const writeRound = (doc: Y.Doc, round: Round): void => {
  getRoundsMap(doc).set(round.id, round);
};

export const writeConsent = (doc: Y.Doc, record: ConsentRecord): void => {
  getConsentMap(doc).set(consentKey(record.boardId, record.actionId, record.city), record);
};

/** Sets whose consent an action needs, for the whole workshop. */
export const writeConsentScope = (doc: Y.Doc, scope: ConsentScope): void => {
  getControlMap(doc, ControlRoot.meta).set(ControlKey.consentScope, scope);
};
