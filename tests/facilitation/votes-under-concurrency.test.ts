/**
 * Many votes from one person at once (a double-tapping phone, a scripted client) take exactly the
 * allowance: changes to a round are serialised, so the allowance check and the write never
 * interleave. Run on the Redis store, where every read and write is a real round trip.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectClient } from '../utils/clients.ts';
import { deleteKeysUnder, describeRedis, REDIS_URL, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { call, createCityWorkshop, placeCards, register } from './support.ts';

describeRedis('votes sent all at once', () => {
  const prefix = uniqueKeyPrefix('facilitation-votes');
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer({ env: { REDIS_URL, KEY_PREFIX: prefix } });
    workshop = await createCityWorkshop(server);
  });
  afterAll(async () => {
    await server?.close();
    await deleteKeysUnder(prefix);
  });

  it('accepts exactly the allowance and refuses the rest with 409', async () => {
    const board = workshop.boards[0]!.id;
    const facilitator = connectClient(server.syncBase, board, workshop.tokens.facilitator);
    try {
      await facilitator.synced();
      const cards = await placeCards(facilitator, 'proposed', ['Ferry link', 'Joint tourism pass']);
      const budi = await register(server, workshop, 'Budi', 'Surabaya');
      const base = `/api/workshops/${workshop.id}`;
      const opened = await call<{ round: { id: string } }>(server, 'POST', `${base}/rounds`, workshop.tokens.facilitator, {
        boardId: board,
        lane: 'proposed',
        votesPerDelegate: 3
      });
      const rid = opened.body.round.id;
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => call<{ error?: string }>(server, 'POST', `${base}/rounds/${rid}/votes`, budi.token, { cardId: cards[i % 2] }))
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
      expect(answers.filter((a) => a.status === 409 && a.body.error === 'no votes left')).toHaveLength(9);
      const mine = await call<{ votes: string[]; left: number }>(server, 'GET', `${base}/rounds/${rid}/votes/mine`, budi.token);
      expect(mine.body.votes).toHaveLength(3);
      expect(mine.body.left).toBe(0);
      const revealed = await call<{ tallies: Record<string, number> }>(server, 'POST', `${base}/rounds/${rid}/reveal`, workshop.tokens.facilitator);
      expect(Object.values(revealed.body.tallies).reduce((s, n) => s + n, 0)).toBe(3);
    } finally {
      facilitator.destroy();
    }
  });
});
