/** Where things live in a control Y.Doc: one accessor per root map, so the layout is written once. */
import type * as Y from 'yjs';
import { ControlKey, ControlRoot } from './constants.ts';
import type { AgendaSession, Banner, ConsentRecord, Follow, Round, Timer } from './types.ts';

/** The root map `name` of a control document. */
export const getControlMap = <T = unknown>(doc: Y.Doc, name: ControlRoot): Y.Map<T> => doc.getMap<T>(name);

export const getBannerMap = (doc: Y.Doc): Y.Map<Banner> => getControlMap<Banner>(doc, ControlRoot.banner);
export const getTimersMap = (doc: Y.Doc): Y.Map<Timer> => getControlMap<Timer>(doc, ControlRoot.timers);
export const getAgendaMap = (doc: Y.Doc): Y.Map<AgendaSession[]> => getControlMap<AgendaSession[]>(doc, ControlRoot.agenda);
export const getLocksMap = (doc: Y.Doc): Y.Map<true> => getControlMap<true>(doc, ControlRoot.locks);
export const getFollowMap = (doc: Y.Doc): Y.Map<Follow> => getControlMap<Follow>(doc, ControlRoot.follow);
export const getRoundsMap = (doc: Y.Doc): Y.Map<Round> => getControlMap<Round>(doc, ControlRoot.rounds);
export const getConsentMap = (doc: Y.Doc): Y.Map<ConsentRecord> => getControlMap<ConsentRecord>(doc, ControlRoot.consent);

/** Key of a consent record: `<boardId>/<actionId>/<city>`. */
export const consentKey = (boardId: string, actionId: string, city: string): string => `${boardId}/${actionId}/${city}`;

/** Key of a timer: a board id, or `workshop` for the workshop-wide timer. */
export const timerKey = (boardId?: string | null): string => boardId ?? ControlKey.workshopTimer;

/** Key of a banner: a board id, or `all` for every board. */
export const bannerKey = (boardId?: string | null): string => boardId ?? ControlKey.bannerAll;
