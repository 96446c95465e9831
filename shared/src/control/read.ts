/** Reading a control document into plain values, whole (`readControl`) or piece by piece. */
import type * as Y from 'yjs';
import type { Role } from '../protocol/tokens.ts';
import { CONSENT_SCOPES, ControlKey, ControlRoot, DEFAULT_CONSENT_SCOPE, RoundStatus, type ConsentScope } from './constants.ts';
import {
  bannerKey,
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
import type { AgendaSession, Banner, ControlSnapshot, Round, Timer } from './types.ts';

const NO_GENERATIONS: Record<Role, number> = { facilitator: 0, delegate: 0, observer: 0 };

const entries = <T>(map: Y.Map<T>): Record<string, T> => Object.fromEntries([...map.entries()]);

/** True when the board is locked (delegates' edits are refused). */
export const isBoardLocked = (doc: Y.Doc, boardId: string): boolean => getLocksMap(doc).get(boardId) === true;

/** The banner a board shows: its own if set, else the workshop-wide one. */
export const bannerFor = (doc: Y.Doc, boardId?: string): Banner | null =>
  (boardId ? getBannerMap(doc).get(bannerKey(boardId)) : undefined) ?? getBannerMap(doc).get(bannerKey()) ?? null;

/** The timer a board shows: its own if set, else the workshop-wide one. */
export const timerFor = (doc: Y.Doc, boardId?: string): Timer | null =>
  (boardId ? getTimersMap(doc).get(timerKey(boardId)) : undefined) ?? getTimersMap(doc).get(timerKey()) ?? null;

/** The agenda's sessions, in the order the facilitator gave them. */
export const readSessions = (doc: Y.Doc): AgendaSession[] => getAgendaMap(doc).get(ControlKey.sessions) ?? [];

/** A round by id, or null. */
export const readRound = (doc: Y.Doc, roundId: string): Round | null => getRoundsMap(doc).get(roundId) ?? null;

/** The open round of a board, or null (there is at most one). */
export const openRoundOf = (doc: Y.Doc, boardId: string): Round | null => {
  for (const round of getRoundsMap(doc).values()) if (round.boardId === boardId && round.status === RoundStatus.open) return round;
  return null;
};

/** Whose consent an action needs; `involved` until a facilitator chooses. */
export const readConsentScope = (doc: Y.Doc): ConsentScope => {
  const value = getControlMap(doc, ControlRoot.meta).get(ControlKey.consentScope);
  return CONSENT_SCOPES.includes(value as ConsentScope) ? (value as ConsentScope) : DEFAULT_CONSENT_SCOPE;
};

/** The whole control document as plain values. */
export const readControl = (doc: Y.Doc): ControlSnapshot => {
  const meta = getControlMap(doc, ControlRoot.meta);
  const generations = meta.get(ControlKey.generations) as Record<Role, number> | undefined;
  const workshopId = meta.get(ControlKey.workshopId);
  return {
    workshopId: typeof workshopId === 'string' ? workshopId : '',
    generations: { ...NO_GENERATIONS, ...generations },
    banners: entries(getBannerMap(doc)),
    timers: entries(getTimersMap(doc)),
    sessions: readSessions(doc),
    locks: entries(getLocksMap(doc)),
    follow: getFollowMap(doc).get(ControlKey.followCurrent) ?? null,
    rounds: entries(getRoundsMap(doc)),
    consent: entries(getConsentMap(doc)),
    consentScope: readConsentScope(doc)
  };
};
