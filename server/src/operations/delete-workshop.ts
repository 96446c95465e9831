/**
 * Deleting a workshop with everything it owns (workshop-data.ts) and nothing else: its documents
 * and their versions first, then its meta records, the workshop record last, so a deletion cut
 * short (a crash, Redis gone) leaves the workshop listed and can simply be run again.
 *
 * A server that has one of its boards open keeps it in memory; stop the servers first, or accept
 * that a client still connected at that moment may write to the deleted board (nobody can open it
 * again: its workshop is gone).
 */
import type { Store } from '../persistence/store.ts';
import { getWorkshop, workshopData } from './workshop-data.ts';

export interface DeletionPlan {
  workshopId: string;
  title: string;
  docs: string[];
  /** Versions per document (all of them go). */
  versions: Record<string, number>;
  metaKeys: string[];
  /** Lists of append-only records (the follow-up's progress updates). */
  records: string[];
}

export const planDeletion = async (store: Store, workshopId: string): Promise<DeletionPlan | null> => {
  const workshop = await getWorkshop(store, workshopId);
  if (!workshop) return null;
  const data = await workshopData(store, workshop);
  const versions: Record<string, number> = {};
  for (const doc of data.docs) versions[doc] = (await store.listVersions(doc)).length;
  return { workshopId, title: workshop.title, docs: data.docs, versions, metaKeys: data.metaKeys, records: data.records };
};

/** Carries out a plan; returns how many documents, versions and meta records went. */
export const applyDeletion = async (store: Store, plan: DeletionPlan): Promise<{ docs: number; versions: number; meta: number; records: number }> => {
  let versions = 0;
  for (const doc of plan.docs) {
    for (const v of await store.listVersions(doc)) if (await store.deleteVersion(doc, v.id)) versions++;
    await store.deleteDoc(doc);
  }
  let recordCount = 0;
  for (const list of plan.records) recordCount += await store.deleteRecords(list);
  const records = plan.metaKeys.filter((k) => k !== `workshop:${plan.workshopId}`);
  const meta = (await store.deleteMeta(records)) + (await store.deleteMeta([`workshop:${plan.workshopId}`]));
  return { docs: plan.docs.length, versions, meta, records: recordCount };
};
