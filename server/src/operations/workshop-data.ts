/**
 * Everything a workshop owns in the store, found from its record and its control document:
 *   documents  each board (`<boardId>`) and the control document (`ctl_<id>`), with their versions
 *   meta       workshop:<id> · board:<boardId> · joincode:<CODE> (every code still naming it) ·
 *              people:<id>:<n> slots and the participant:<pid> records they name (seats, lobby
 *              requests, facilitators; facilitation/participants.ts) · votes:<roundId> for every
 *              round in its control document (facilitation/votes.ts) · followup:<id> and
 *              commitment:<id>:<commitmentId> (follow-up/records.ts)
 *   records    progress:<id>, the follow-up's progress updates; writers:<doc> for each document,
 *              which device writes under which Yjs client id there (sync/room-writer-ids.ts)
 * Used by the operator's listing, deletion and retention; it reads, never writes.
 */
import * as Y from 'yjs';
import { getRoundsMap } from '@plenary/shared/control';
import { controlDocName } from '@plenary/shared/protocol';
import { FollowUpKeys } from '../follow-up/index.ts';
import type { Store } from '../persistence/store.ts';
import { writerRecords } from '../sync/room-writer-ids.ts';
import type { Workshop } from '../workshops/workshop.ts';

export interface WorkshopData {
  workshop: Workshop;
  /** Document names: the boards, then the control document. */
  docs: string[];
  /** Meta keys, the workshop record last (so a deletion cut short can be run again). */
  metaKeys: string[];
  /** Lists of append-only records (the follow-up's progress updates, each document's writer ids). */
  records: string[];
  participants: number;
  /** The latest follow-up write (a commitment frozen, an update recorded); null when none. */
  followUpAt: string | null;
}

/** Every workshop record in the store. */
export const listWorkshops = async (store: Store): Promise<Workshop[]> =>
  (await store.listMeta('workshop:'))
    .map(({ value }) => JSON.parse(value) as Workshop)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

export const getWorkshop = async (store: Store, id: string): Promise<Workshop | null> => {
  const raw = await store.getMeta(`workshop:${id}`);
  return raw ? (JSON.parse(raw) as Workshop) : null;
};

/** The control document as stored (an empty document when it was never written). */
export const readStoredControl = async (store: Store, workshopId: string): Promise<Y.Doc> => {
  const doc = new Y.Doc();
  const stored = await store.loadDoc(controlDocName(workshopId));
  Y.transact(doc, () => stored?.updates.forEach((u) => Y.applyUpdate(doc, u)));
  return doc;
};

const roundIdsOf = async (store: Store, workshopId: string): Promise<string[]> => {
  const doc = await readStoredControl(store, workshopId);
  try {
    const rounds = getRoundsMap(doc);
    return [...new Set([...rounds.keys(), ...[...rounds.values()].map((r) => r.id).filter((id) => typeof id === 'string')])];
  } finally {
    doc.destroy();
  }
};

/** What the workshop owns, ready to list or delete. */
export const workshopData = async (store: Store, workshop: Workshop): Promise<WorkshopData> => {
  const id = workshop.id;
  const [boardOwners, joinCodes, slots, roundIds, commitments, progress] = await Promise.all([
    store.listMeta('board:'),
    store.listMeta('joincode:'),
    store.listMeta(`people:${id}:`),
    roundIdsOf(store, id),
    store.listMeta(FollowUpKeys.commitmentPrefix(id)),
    store.listRecords(FollowUpKeys.progress(id))
  ]);
  // Boards named by the record, and any other board record naming this workshop.
  const boardIds = [...new Set([...workshop.boards.map((b) => b.id), ...boardOwners.filter((r) => r.value === id).map((r) => r.key.slice('board:'.length))])];
  const participantIds = [...new Set(slots.map((s) => s.value).filter((v) => v !== ''))];
  const metaKeys = [
    ...boardIds.map((b) => `board:${b}`),
    ...joinCodes.filter((r) => r.value === id || r.key === `joincode:${workshop.joinCode}`).map((r) => r.key),
    ...participantIds.map((p) => `participant:${p}`),
    ...slots.map((s) => s.key),
    ...roundIds.map((r) => `votes:${r}`),
    ...commitments.map((r) => r.key),
    FollowUpKeys.state(id),
    `workshop:${id}`
  ];
  // Follow-up goes on for years after the seminar: its writes count as the workshop's activity.
  const followUpWrites = [
    ...commitments.map((r) => (JSON.parse(r.value) as { frozenAt?: string }).frozenAt ?? ''),
    progress.length > 0 ? ((JSON.parse(progress.at(-1)!) as { at?: string }).at ?? '') : ''
  ].filter((t) => t !== '');
  return {
    workshop,
    docs: [...boardIds, controlDocName(id)],
    metaKeys: [...new Set(metaKeys)],
    records: [FollowUpKeys.progress(id), ...[...boardIds, controlDocName(id)].map(writerRecords)],
    participants: participantIds.length,
    followUpAt: followUpWrites.sort().at(-1) ?? null
  };
};
