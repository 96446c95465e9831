/**
 * Two instances on one Redis: a facilitator confirms and removes people on one, the delegate votes
 * on the other. A confirmation there lets them vote here; a removal there stops their token here
 * from the next request (votes read the participant record as stored, never the token's word).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectClient } from '../utils/clients.ts';
import { deleteKeysUnder, describeRedis, REDIS_URL, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { call, createCityWorkshop, placeCards, register } from './support.ts';

describeRedis('confirming and removing on another instance', () => {
  const prefix = uniqueKeyPrefix('facilitation-removal');
  let wall: PlenaryServer;
  let phone: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    wall = await startServer({ env: { REDIS_URL, KEY_PREFIX: prefix } });
    phone = await startServer({ env: { REDIS_URL, KEY_PREFIX: prefix } });
    workshop = await createCityWorkshop(wall);
  });
  afterAll(async () => {
    await Promise.all([wall?.close(), phone?.close()]);
    await deleteKeysUnder(prefix);
  });

  it('lets a delegate vote once confirmed on the other instance, and not once removed there', async () => {
    const board = workshop.boards[0]!.id;
    const facilitator = connectClient(wall.syncBase, board, workshop.tokens.facilitator);
    try {
      await facilitator.synced();
      const [card] = await placeCards(facilitator, 'proposed', ['Ferry link']);
      const base = `/api/workshops/${workshop.id}`;
      const budi = await register(phone, workshop, 'Budi', 'Surabaya', workshop.tokens.delegate, { confirm: false });
      const rid = (
        await call<{ round: { id: string } }>(wall, 'POST', `${base}/rounds`, workshop.tokens.facilitator, {
          boardId: board,
          lane: 'proposed',
          votesPerDelegate: 3
        })
      ).body.round.id;
      const vote = () => call<{ error?: string }>(phone, 'POST', `${base}/rounds/${rid}/votes`, budi.token, { cardId: card });
      expect((await vote()).status).toBe(403);
      expect((await call(wall, 'POST', `${base}/participants/${budi.participantId}/confirm`, workshop.tokens.facilitator)).status).toBe(200);
      // Votes read the participant record as stored: no cache stands between the two instances.
      expect((await vote()).status).toBe(200);
      expect((await call(wall, 'DELETE', `${base}/participants/${budi.participantId}`, workshop.tokens.facilitator)).status).toBe(200);
      const refused = await vote();
      expect([refused.status, refused.body.error]).toEqual([403, 'you may not vote: a facilitator removed you from this workshop']);
      const revealed = await call<{ tallies: Record<string, number> }>(wall, 'POST', `${base}/rounds/${rid}/reveal`, workshop.tokens.facilitator);
      expect(revealed.body.tallies).toEqual({});
    } finally {
      facilitator.destroy();
    }
  });
});
