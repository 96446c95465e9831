/**
 * Dot-voting rounds: open, vote, take back, close, reveal. The round (without any individual vote)
 * lives in the control document; the ballots live in the vote store. Every change to a round runs
 * under that round's lock (votes.ts), so an allowance check and its write never interleave with a
 * close or a reveal.
 */
import { RoundStatus, computeTallies, openRoundOf, readRound, votesLeft, writeRound, type Round } from '@plenary/shared/control';
import type { MyVotes } from '@plenary/shared/api';
import { getCardMap, getCardsMap, readPosition, type Lane } from '@plenary/shared/schema';
import { Refusal, RefusalKind } from '../lib/refusal.ts';
import { newId } from '../workshops/ids.ts';
import type { ServerDocs } from '../documents/server-docs.ts';
import { countVoters, type VoteStore } from './votes.ts';

export interface Voter {
  participantId: string;
  city: string;
}

export const createRounds = (control: ServerDocs, votes: VoteStore) => {
  const requireRound = async (workshopId: string, roundId: string): Promise<Round> => {
    const round = await control.readControl(workshopId, (doc) => readRound(doc, roundId));
    if (!round) throw new Refusal(RefusalKind.notFound, 'roundId: no such round in this workshop', 'roundId');
    return round;
  };
  const requireOpen = (round: Round): void => {
    if (round.status !== RoundStatus.open) throw new Refusal(RefusalKind.conflict, 'round is closed');
  };
  /** Writes the voter count (the only thing about ballots anyone sees before the reveal). */
  const publishVoters = (workshopId: string, roundId: string, voters: number) =>
    control.withControl(workshopId, (doc) => {
      const round = readRound(doc, roundId);
      if (round && round.voters !== voters) writeRound(doc, { ...round, voters });
    });

  return {
    async open(workshopId: string, input: { boardId: string; lane: Lane; votesPerDelegate: number; oneCityOneVoice: boolean }): Promise<Round> {
      const round: Round = { id: newId(), ...input, status: RoundStatus.open, openedAt: new Date().toISOString(), voters: 0 };
      return control.withControl(workshopId, (doc) => {
        // Checked and written in one synchronous step: two requests cannot both open a round.
        const open = openRoundOf(doc, input.boardId);
        if (open) throw new Refusal(RefusalKind.conflict, `board already has an open round (${open.id}); close it first`);
        writeRound(doc, round);
        return round;
      });
    },

    close: (workshopId: string, roundId: string): Promise<Round> =>
      votes.exclusive(roundId, async () => {
        const round = await requireRound(workshopId, roundId);
        if (round.status !== RoundStatus.open) throw new Refusal(RefusalKind.conflict, `round is already ${round.status}`);
        const closed: Round = { ...round, status: RoundStatus.closed, closedAt: new Date().toISOString() };
        await control.withControl(workshopId, (doc) => writeRound(doc, closed));
        return closed;
      }),

    /**
     * Counts the ballots and publishes only the result: tallies in the round, and each card of the
     * lane gets its `tally` on the board (0 for cards nobody voted for, so an older round's figure
     * never lingers and the lane can be sorted by it).
     */
    reveal: (workshopId: string, roundId: string): Promise<Record<string, number>> =>
      votes.exclusive(roundId, async () => {
        const round = await requireRound(workshopId, roundId);
        if (round.status === RoundStatus.revealed) throw new Refusal(RefusalKind.conflict, 'round is already revealed');
        const ballots = await votes.read(roundId);
        const tallies = computeTallies(Object.values(ballots), round.oneCityOneVoice);
        await control.withBoard(round.boardId, (doc) => {
          for (const [cardId, card] of getCardsMap(doc)) {
            if (cardId in tallies) card.set('tally', tallies[cardId]);
            else if (readPosition(card).lane === round.lane) card.set('tally', 0);
          }
        });
        const now = new Date().toISOString();
        const revealed: Round = {
          ...round,
          status: RoundStatus.revealed,
          closedAt: round.closedAt ?? now,
          revealedAt: now,
          voters: countVoters(ballots),
          tallies
        };
        await control.withControl(workshopId, (doc) => writeRound(doc, revealed));
        return tallies;
      }),

    async mine(workshopId: string, roundId: string, voter: Voter): Promise<MyVotes> {
      const round = await requireRound(workshopId, roundId);
      const ballot = (await votes.read(roundId))[voter.participantId];
      return { votes: ballot?.cardIds ?? [], left: votesLeft(ballot, round.votesPerDelegate) };
    },

    cast: (workshopId: string, roundId: string, voter: Voter, cardId: string): Promise<MyVotes> =>
      votes.exclusive(roundId, async () => {
        const round = await requireRound(workshopId, roundId);
        requireOpen(round);
        const lane = await control.readBoard(round.boardId, (doc) => {
          const card = getCardMap(doc, cardId);
          return card ? readPosition(card).lane : null;
        });
        if (lane === null) throw new Refusal(RefusalKind.invalid, "cardId: no such card on the round's board", 'cardId');
        if (lane !== round.lane) throw new Refusal(RefusalKind.conflict, `the card is not in the ${round.lane} lane`);
        const ballots = await votes.read(roundId);
        const ballot = ballots[voter.participantId] ?? { city: voter.city, cardIds: [] };
        if (votesLeft(ballot, round.votesPerDelegate) === 0) throw new Refusal(RefusalKind.conflict, 'no votes left');
        ballots[voter.participantId] = { city: voter.city, cardIds: [...ballot.cardIds, cardId] };
        await votes.write(roundId, ballots);
        await publishVoters(workshopId, roundId, countVoters(ballots));
        const mine = ballots[voter.participantId]!;
        return { votes: mine.cardIds, left: votesLeft(mine, round.votesPerDelegate) };
      }),

    takeBack: (workshopId: string, roundId: string, voter: Voter, cardId: string): Promise<MyVotes> =>
      votes.exclusive(roundId, async () => {
        const round = await requireRound(workshopId, roundId);
        requireOpen(round);
        const ballots = await votes.read(roundId);
        const ballot = ballots[voter.participantId];
        const at = ballot ? ballot.cardIds.lastIndexOf(cardId) : -1;
        if (!ballot || at < 0) throw new Refusal(RefusalKind.conflict, 'you have no vote on this card to take back');
        const next = { city: ballot.city, cardIds: ballot.cardIds.filter((_, i) => i !== at) };
        ballots[voter.participantId] = next;
        await votes.write(roundId, ballots);
        await publishVoters(workshopId, roundId, countVoters(ballots));
        return { votes: next.cardIds, left: votesLeft(next, round.votesPerDelegate) };
      })
  };
};
export type Rounds = ReturnType<typeof createRounds>;
