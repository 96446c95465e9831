/**
 * The people of a workshop who speak (or asked to speak) for a city: seats a facilitator created,
 * lobby requests, and facilitators who registered themselves. Stored in the store's meta space:
 *   participant:<id>          → JSON Participant (status changes rewrite it)
 *   people:<workshopId>:<n>   → participant id, slot n claimed with setMetaIfAbsent
 * Slots are claimed atomically, so every instance on one Redis sees the same list and the total
 * number ever registered is exact. Reads for display are cached for PARTICIPANT_CACHE_MS; votes
 * and consent answers read the record fresh (one GET), so a removal or confirmation on one
 * instance counts on every other one from the next request.
 */
import { ParticipantStatus, type ParticipantView, type ParticipantVia, type Role } from '@plenary/shared/protocol';
import { createKeyedMutex } from '../lib/keyed-mutex.ts';
import type { Store } from '../persistence/store.ts';
import { newId } from '../workshops/ids.ts';
import type { Workshop } from '../workshops/workshop.ts';

/** How long a record read from the store is trusted before it is read again. */
export const PARTICIPANT_CACHE_MS = 1000;

export interface Participant extends Omit<ParticipantView, 'seatToken'> {
  workshopId: string;
  role: Role;
  lang?: string;
  /** The link a lobby registration came through (`<role>:<generation>`), or `seat`. */
  link: string;
}

/** Registrations the workshop still has room for. */
export interface ParticipantLimits {
  /** Pending or confirmed participants at once. */
  total: number;
  /** Lobby requests waiting at once. */
  pending: number;
  /** Registrations ever made through one shared link (one generation of a role's link). */
  perLink: number;
}

export class LimitReached extends Error {
  constructor(
    readonly status: 409 | 429,
    message: string
  ) {
    super(message);
  }
}

/**
 * The workshop's spelling of a city (English name of a participating or the host city), or null.
 * A workshop created without a city list accepts any city.
 */
export const matchCity = (workshop: Workshop, typed: string): string | null => {
  const known = [...(workshop.hostCity ? [workshop.hostCity.en] : []), ...workshop.cities.map((c) => c.en)];
  if (known.length === 0) return typed.trim();
  const wanted = typed.trim().toLocaleLowerCase();
  return known.find((c) => c.toLocaleLowerCase() === wanted) ?? null;
};

/** Pending and confirmed people take up room; rejected and removed ones are history. */
const isLive = (p: Participant): boolean => p.status === ParticipantStatus.pending || p.status === ParticipantStatus.confirmed;

export type NewParticipant = Pick<Participant, 'workshopId' | 'name' | 'city' | 'role' | 'status' | 'via' | 'link'> &
  Partial<Pick<Participant, 'lang' | 'decidedBy' | 'decidedAt'>>;

export const createParticipants = (store: Store) => {
  const records = new Map<string, { participant: Participant; at: number }>();
  /** Claimed slots never change, so the ids found so far are kept; only new slots are looked for. */
  const slots = new Map<string, string[]>();
  const mutex = createKeyedMutex();

  const save = async (participant: Participant): Promise<Participant> => {
    await store.setMeta(`participant:${participant.id}`, JSON.stringify(participant));
    records.set(participant.id, { participant, at: Date.now() });
    return participant;
  };
  /** `fresh` skips the cache: votes and consent answers read the record as it is stored now. */
  const get = async (id: string, { fresh = false } = {}): Promise<Participant | null> => {
    const cached = records.get(id);
    if (!fresh && cached && Date.now() - cached.at < PARTICIPANT_CACHE_MS) return cached.participant;
    const raw = await store.getMeta(`participant:${id}`);
    if (!raw) {
      records.delete(id);
      return null;
    }
    const participant = JSON.parse(raw) as Participant;
    records.set(id, { participant, at: Date.now() });
    return participant;
  };
  const idsOf = async (workshopId: string): Promise<string[]> => {
    const known = slots.get(workshopId) ?? [];
    for (;;) {
      const id = await store.getMeta(`people:${workshopId}:${known.length}`);
      if (!id) break;
      known.push(id);
    }
    slots.set(workshopId, known);
    return known;
  };
  const list = async (workshopId: string): Promise<Participant[]> => {
    const found = await Promise.all((await idsOf(workshopId)).map((id) => get(id)));
    return found.filter((p): p is Participant => p !== null);
  };
  /** Claims the next free slot for `id` (another instance may claim one at the same moment). */
  const claimSlot = async (workshopId: string, id: string, limit: number): Promise<void> => {
    for (let n = (await idsOf(workshopId)).length; n < limit; n++) {
      if ((await store.setMetaIfAbsent(`people:${workshopId}:${n}`, id)) === id) {
        await idsOf(workshopId);
        return;
      }
    }
    throw new LimitReached(429, 'this workshop has taken all the registrations it can; a facilitator can create seats or re-issue the delegate link');
  };

  return {
    get,
    list,
    save,
    /**
     * Registers a new participant within `limits`: 409 when the workshop is full, 429 when too
     * many requests wait or one shared link was used too often. Runs one at a time per workshop
     * in this process, so the counts cannot be overtaken by a burst of requests.
     */
    register: (input: NewParticipant, limits: ParticipantLimits): Promise<Participant> =>
      mutex.run(input.workshopId, async () => {
        const everyone = await list(input.workshopId);
        if (everyone.filter(isLive).length >= limits.total) {
          throw new LimitReached(409, `this workshop already has ${limits.total} participants; a facilitator can remove people who left`);
        }
        if (input.status === ParticipantStatus.pending && everyone.filter((p) => p.status === ParticipantStatus.pending).length >= limits.pending) {
          throw new LimitReached(
            429,
            `${limits.pending} people are already waiting for a facilitator to confirm their city; try again once they have been confirmed`
          );
        }
        if (input.link !== 'seat' && everyone.filter((p) => p.link === input.link).length >= limits.perLink) {
          throw new LimitReached(429, `this link has been used for ${limits.perLink} registrations; ask a facilitator for a new link or a seat`);
        }
        const participant: Participant = { ...input, id: newId(), createdAt: new Date().toISOString() };
        // Slots cap what is stored: at most every live person plus what one link may add.
        await claimSlot(input.workshopId, participant.id, everyone.length + limits.total + limits.perLink);
        return save(participant);
      }),
    /** Changes a participant's record; `change` sees the freshest stored copy. */
    update: (id: string, change: (p: Participant) => Participant): Promise<Participant | null> =>
      mutex.run(`participant:${id}`, async () => {
        records.delete(id);
        const current = await get(id);
        return current ? save(change(current)) : null;
      })
  };
};
export type Participants = ReturnType<typeof createParticipants>;

/** The view of a participant the API answers with (never the workshop-internal fields). */
export const viewOf = (p: Participant): ParticipantView => ({
  id: p.id,
  name: p.name,
  city: p.city,
  status: p.status,
  via: p.via as ParticipantVia,
  createdAt: p.createdAt,
  ...(p.decidedBy ? { decidedBy: p.decidedBy } : {}),
  ...(p.decidedAt ? { decidedAt: p.decidedAt } : {}),
  ...(p.withdrawn ? { withdrawn: p.withdrawn } : {})
});
