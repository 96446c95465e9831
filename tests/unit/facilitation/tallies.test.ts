/** Counting dot votes, plain and with one city, one voice. */
import { describe, expect, it } from 'vitest';
import { computeTallies, orderByTally, votesLeft } from '@plenary/shared/control';

describe('computeTallies', () => {
  const ballots = [
    { city: 'Porto', cardIds: ['a', 'a', 'b'] },
    { city: 'Porto', cardIds: ['b', 'c', 'c'] },
    { city: 'Porto', cardIds: ['c'] },
    { city: 'Kobe', cardIds: ['a', 'b', 'b'] },
    { city: 'Surabaya', cardIds: [] }
  ];

  it('counts one per vote, stacked votes included, and leaves unvoted cards out', () => {
    expect(computeTallies(ballots, false)).toEqual({ a: 3, b: 4, c: 3 });
    expect(computeTallies([], false)).toEqual({});
  });

  it('weighs each vote by 1 / voters of its city, so every city adds up to one allowance at most', () => {
    const tallies = computeTallies(ballots, true);
    // Porto: three voters, each vote ⅓. Kobe: one voter, each vote 1. Surabaya did not vote.
    expect(tallies).toEqual({ a: 1.667, b: 2.667, c: 1 });
    const porto = computeTallies(
      ballots.filter((b) => b.city === 'Porto'),
      true
    );
    expect(Object.values(porto).reduce((s, n) => s + n, 0)).toBeCloseTo(7 / 3, 2);
  });

  it('lets a city with one delegate match a large delegation', () => {
    const big = Array.from({ length: 5 }, () => ({ city: 'Porto', cardIds: ['x', 'x'] }));
    expect(computeTallies([...big, { city: 'Kobe', cardIds: ['y', 'y'] }], true)).toEqual({ x: 2, y: 2 });
    expect(computeTallies([...big, { city: 'Kobe', cardIds: ['y', 'y'] }], false)).toEqual({ x: 10, y: 2 });
  });
});

describe('votesLeft and orderByTally', () => {
  it('counts what is left of an allowance', () => {
    expect(votesLeft(undefined, 3)).toBe(3);
    expect(votesLeft({ city: 'Porto', cardIds: ['a', 'a'] }, 3)).toBe(1);
    expect(votesLeft({ city: 'Porto', cardIds: ['a', 'a', 'b', 'c'] }, 3)).toBe(0);
  });

  it('orders cards by tally, highest first, ties keeping their order', () => {
    expect(orderByTally(['a', 'b', 'c', 'd'], { b: 2, c: 2, d: 5 })).toEqual(['d', 'b', 'c', 'a']);
  });
});
