/**
 * What leaves with a participant a facilitator removes: their ballots in rounds not yet revealed
 * (the round's voter count is written again, so the wall sees it drop) and the consent answers they
 * gave for their city (the city counts as not having answered again). Revealed rounds keep their
 * published tallies: those were announced in the room.
 */
import { RoundStatus, getConsentMap, getRoundsMap, readRound, writeRound, type ConsentRecord } from '@plenary/shared/control';
import type { ServerDocs } from '../documents/server-docs.ts';
import type { Participant } from './participants.ts';
import { countVoters, type VoteStore } from './votes.ts';

export interface Withdrawn {
  votes: number;
  consent: number;
}

/**
 * An answer this person gave. Records name who answered and when; a record naming this person for
 * their city, written after they registered, is theirs. (A facilitator recording on a city's
 * behalf is named as the facilitator, so their records never match.)
 */
const answeredBy = (record: ConsentRecord & { participantId?: string }, p: Participant): boolean =>
  record.participantId !== undefined ? record.participantId === p.id : record.city === p.city && record.by === p.name && record.at >= p.createdAt;

export const createRemoval =
  (control: Pick<ServerDocs, 'readControl' | 'withControl'>, votes: VoteStore) =>
  async (workshopId: string, participant: Participant): Promise<Withdrawn> => {
    const rounds = await control.readControl(workshopId, (doc) =>
      [...getRoundsMap(doc).values()].filter((r) => r.status !== RoundStatus.revealed).map((r) => r.id)
    );
    let withdrawnVotes = 0;
    for (const roundId of rounds) {
      await votes.exclusive(roundId, async () => {
        const ballots = await votes.read(roundId);
        const ballot = ballots[participant.id];
        if (!ballot) return;
        withdrawnVotes += ballot.cardIds.length;
        delete ballots[participant.id];
        await votes.write(roundId, ballots);
        await control.withControl(workshopId, (doc) => {
          const round = readRound(doc, roundId);
          if (round && round.status !== RoundStatus.revealed) writeRound(doc, { ...round, voters: countVoters(ballots) });
        });
      });
    }
    const consent = await control.withControl(workshopId, (doc) => {
      const map = getConsentMap(doc);
      const theirs = [...map.entries()].filter(([, record]) => answeredBy(record, participant)).map(([key]) => key);
      for (const key of theirs) map.delete(key);
      return theirs.length;
    });
    return { votes: withdrawnVotes, consent };
  };
export type Removal = ReturnType<typeof createRemoval>;
