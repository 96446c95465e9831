/**
 * Counting a dot-voting round. Each ballot is one person's votes (card ids, a card may appear more
 * than once). With *one city, one voice* a vote weighs 1 / (number of people of that city who voted
 * in the round), so each city's votes add up to at most the allowance of one delegate and a large
 * delegation cannot outvote a city with one delegate.
 */
import { TALLY_DECIMALS } from './constants.ts';

/** One person's votes in a round, as the server holds them (never in a shared document). */
export interface Ballot {
  /** English name of the voter's city. */
  city: string;
  /** One entry per vote. */
  cardIds: string[];
}

const round = (n: number): number => {
  const f = 10 ** TALLY_DECIMALS;
  return Math.round(n * f) / f;
};

/** Card id → votes (weighted when `oneCityOneVoice`). Cards nobody voted for are absent. */
export const computeTallies = (ballots: Iterable<Ballot>, oneCityOneVoice: boolean): Record<string, number> => {
  const cast = [...ballots].filter((b) => b.cardIds.length > 0);
  const votersPerCity = new Map<string, number>();
  for (const b of cast) votersPerCity.set(b.city, (votersPerCity.get(b.city) ?? 0) + 1);
  const sums = new Map<string, number>();
  for (const b of cast) {
    const weight = oneCityOneVoice ? 1 / votersPerCity.get(b.city)! : 1;
    for (const cardId of b.cardIds) sums.set(cardId, (sums.get(cardId) ?? 0) + weight);
  }
  return Object.fromEntries([...sums].map(([cardId, sum]) => [cardId, round(sum)]));
};

/** Votes a person has left in a round. */
export const votesLeft = (ballot: Ballot | undefined, votesPerDelegate: number): number => Math.max(0, votesPerDelegate - (ballot?.cardIds.length ?? 0));

/** Card ids ordered by tally, highest first (ties keep their given order): "sort the lane by votes". */
export const orderByTally = (cardIds: readonly string[], tallies: Record<string, number>): string[] =>
  cardIds
    .map((id, i) => ({ id, i, t: tallies[id] ?? 0 }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map((x) => x.id);
