/**
 * The secret ballots of dot-voting rounds. They live in the store's meta space only
 * (`votes:<roundId>` → JSON `{ participantId: { city, cardIds } }`), never in a shared document,
 * so no client can read another's votes; only tallies leave the server, at reveal.
 *
 * Changes to one round are serialised in this process (keyed-mutex.ts). Two instances taking votes
 * for the same round at the same moment could still read-modify-write the record concurrently and
 * lose one vote; a delegate's browser talks to one instance, so this needs two people of one round
 * on two instances within the same few milliseconds. A Redis WATCH/MULTI (or a Lua script) on the
 * key would close that gap if it ever matters.
 */
import type { Ballot } from '@plenary/shared/control';
import type { Store } from '../persistence/store.ts';
import { createKeyedMutex } from '../lib/keyed-mutex.ts';

export type Ballots = Record<string, Ballot>;

const key = (roundId: string): string => `votes:${roundId}`;

/**
 * One vote store per store: whoever changes ballots (voting, removing a participant) shares its
 * per-round lock, so a removal cannot interleave with a vote in this process.
 */
const perStore = new WeakMap<Store, VoteStore>();
export const createVoteStore = (store: Store): VoteStore => {
  const existing = perStore.get(store);
  if (existing) return existing;
  const created = makeVoteStore(store);
  perStore.set(store, created);
  return created;
};

const makeVoteStore = (store: Store) => {
  const mutex = createKeyedMutex();
  const read = async (roundId: string): Promise<Ballots> => {
    const raw = await store.getMeta(key(roundId));
    return raw ? (JSON.parse(raw) as Ballots) : {};
  };
  return {
    read,
    write: (roundId: string, ballots: Ballots): Promise<void> => store.setMeta(key(roundId), JSON.stringify(ballots)),
    /** Runs `work` alone among this process's changes to the round. */
    exclusive: <T>(roundId: string, work: () => Promise<T>): Promise<T> => mutex.run(roundId, work)
  };
};
export type VoteStore = ReturnType<typeof makeVoteStore>;

/** People with at least one vote in the round (the only figure shown before the reveal). */
export const countVoters = (ballots: Ballots): number => Object.values(ballots).filter((b) => b.cardIds.length > 0).length;
