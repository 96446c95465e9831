/**
 * The operator's view of every workshop: title, boards, bytes stored (its documents and their
 * versions), participants and last activity (the latest write to any of its documents).
 */
import type { Store } from '../persistence/store.ts';
import { listWorkshops, workshopData } from './workshop-data.ts';

export interface WorkshopSummary {
  id: string;
  title: string;
  createdAt: string;
  boards: number;
  /** Bytes of its board and control documents and their versions. */
  bytes: number;
  versions: number;
  participants: number;
  /** Latest write to any of its documents or its follow-up; the creation time when nothing tells. */
  lastActivityAt: string;
}

export const summarise = async (store: Store, id: string): Promise<WorkshopSummary | null> => {
  const raw = await store.getMeta(`workshop:${id}`);
  return raw ? summaryOf(store, JSON.parse(raw)) : null;
};

const summaryOf = async (store: Store, workshop: Parameters<typeof workshopData>[1]): Promise<WorkshopSummary> => {
  const data = await workshopData(store, workshop);
  const infos = (await Promise.all(data.docs.map((d) => store.docInfo(d)))).filter((i) => i !== null);
  const writes = [...infos.map((i) => i.lastWriteAt), data.followUpAt].filter((t): t is string => t !== null);
  return {
    id: workshop.id,
    title: workshop.title,
    createdAt: workshop.createdAt,
    boards: workshop.boards.length,
    bytes: infos.reduce((n, i) => n + i.bytes + i.versionBytes, 0),
    versions: infos.reduce((n, i) => n + i.versions, 0),
    participants: data.participants,
    lastActivityAt: [workshop.createdAt, ...writes].sort().at(-1)!
  };
};

export const listSummaries = async (store: Store): Promise<WorkshopSummary[]> => {
  const summaries: WorkshopSummary[] = [];
  // One workshop at a time: a deployment's many workshops must not flood the store at once.
  for (const w of await listWorkshops(store)) summaries.push(await summaryOf(store, w));
  return summaries;
};
