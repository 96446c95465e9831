/**
 * People who registered a name and a city with a delegate (or facilitator) link, to vote and
 * answer consent. Kept in the store's meta space (`participant:<id>` → JSON Participant); their
 * personal token carries the id and the city, so most requests need no lookup.
 */
import type { Role } from '@plenary/shared/protocol';
import type { Store } from '../persistence/store.ts';
import { newId } from '../workshops/ids.ts';
import type { Workshop } from '../workshops/workshop.ts';

export interface Participant {
  id: string;
  workshopId: string;
  name: string;
  /** English name of the city they speak for. */
  city: string;
  lang?: string;
  role: Role;
  createdAt: string;
}

/**
 * The workshop's spelling of a city (English name of a participating or the host city), or null.
 * A workshop created without a city list accepts any city.
 */
export const matchCity = (workshop: Workshop, typed: string): string | null => {
  const known = [...(workshop.hostCity ? [workshop.hostCity.en] : []), ...workshop.cities.map((c) => c.en)];
  if (known.length === 0) return typed;
  const wanted = typed.trim().toLocaleLowerCase();
  return known.find((c) => c.toLocaleLowerCase() === wanted) ?? null;
};

export const createParticipants = (store: Store) => {
  const cache = new Map<string, Participant>();
  return {
    async register(input: Omit<Participant, 'id' | 'createdAt'>): Promise<Participant> {
      const participant: Participant = { ...input, id: newId(), createdAt: new Date().toISOString() };
      await store.setMeta(`participant:${participant.id}`, JSON.stringify(participant));
      cache.set(participant.id, participant);
      return participant;
    },
    async get(id: string): Promise<Participant | null> {
      const cached = cache.get(id);
      if (cached) return cached;
      const raw = await store.getMeta(`participant:${id}`);
      if (!raw) return null;
      const participant = JSON.parse(raw) as Participant;
      cache.set(id, participant);
      return participant;
    }
  };
};
export type Participants = ReturnType<typeof createParticipants>;
