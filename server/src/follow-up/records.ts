/**
 * Where the follow-up keeps its data in the store (names used nowhere else):
 *   meta    followup:<workshopId>                 → FollowUpState (closed when, link generations)
 *   meta    commitment:<workshopId>:<commitmentId> → Commitment (written once: frozen)
 *   records progress:<workshopId>                  → ProgressUpdate, one JSON record each, appended only
 * Operations (operations/workshop-data.ts) find and delete them with the workshop.
 */
import type { Commitment, ProgressUpdate } from '@plenary/shared/follow-up';
import { FollowUpLimits } from '@plenary/shared/follow-up';
import type { Store } from '../persistence/store.ts';

export const FollowUpKeys = {
  state: (workshopId: string) => `followup:${workshopId}`,
  commitmentPrefix: (workshopId: string) => `commitment:${workshopId}:`,
  commitment: (workshopId: string, commitmentId: string) => `commitment:${workshopId}:${commitmentId}`,
  progress: (workshopId: string) => `progress:${workshopId}`
} as const;

/** The follow-up's own record of a workshop. */
export interface FollowUpState {
  /** When the facilitator closed the workshop (every agreed action frozen); null before. */
  closedAt: string | null;
  /** Link generations: the outcomes link's, and each city's (by lower-case English name). */
  generations: { outcomes: number; cities: Record<string, number> };
}

export const EMPTY_STATE: FollowUpState = { closedAt: null, generations: { outcomes: 0, cities: {} } };

export const cityKey = (city: string): string => city.trim().toLocaleLowerCase();

export const createFollowUpRecords = (store: Store) => ({
  async state(workshopId: string): Promise<FollowUpState> {
    const raw = await store.getMeta(FollowUpKeys.state(workshopId));
    return raw ? { ...EMPTY_STATE, ...(JSON.parse(raw) as FollowUpState) } : EMPTY_STATE;
  },
  async saveState(workshopId: string, state: FollowUpState): Promise<void> {
    await store.setMeta(FollowUpKeys.state(workshopId), JSON.stringify(state));
  },
  /** Freezes a commitment unless one is frozen already; returns the one stored (the first stays). */
  async freeze(workshopId: string, commitment: Commitment): Promise<Commitment> {
    const stored = await store.setMetaIfAbsent(FollowUpKeys.commitment(workshopId, commitment.id), JSON.stringify(commitment));
    return JSON.parse(stored) as Commitment;
  },
  async commitments(workshopId: string): Promise<Commitment[]> {
    return (await store.listMeta(FollowUpKeys.commitmentPrefix(workshopId)))
      .map(({ value }) => JSON.parse(value) as Commitment)
      .sort((a, b) => a.theme.localeCompare(b.theme) || a.leadCity.localeCompare(b.leadCity) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  },
  async commitment(workshopId: string, commitmentId: string): Promise<Commitment | null> {
    const raw = await store.getMeta(FollowUpKeys.commitment(workshopId, commitmentId));
    return raw ? (JSON.parse(raw) as Commitment) : null;
  },
  /** Appends an update; false when the workshop holds the most updates it may. */
  async append(workshopId: string, update: ProgressUpdate): Promise<boolean> {
    return (await store.appendRecord(FollowUpKeys.progress(workshopId), JSON.stringify(update), FollowUpLimits.updatesPerWorkshop)) !== null;
  },
  async updates(workshopId: string): Promise<ProgressUpdate[]> {
    return (await store.listRecords(FollowUpKeys.progress(workshopId))).map((raw) => JSON.parse(raw) as ProgressUpdate);
  }
});
export type FollowUpRecords = ReturnType<typeof createFollowUpRecords>;
