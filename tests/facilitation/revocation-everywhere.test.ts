/**
 * Links stop working everywhere, at once, as an attacker holding an old link would find:
 *   - re-issued on instance 1, the old delegate link is refused on instance 2 straight away (not
 *     after a cached workshop record expires), over HTTP and at the sync upgrade, and an edit sent
 *     on a socket instance 2 had open is not stored;
 *   - a socket whose token expires while it is open is closed with tokenExpired (4410) and can no
 *     longer write.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CloseCode } from '@plenary/shared/protocol';
import { createTokenSigner } from '@plenary/server/auth/tokens.ts';
import { frames, openRaw, syncUrl, updateOf } from '../utils/clients.ts';
import { REDIS_URL, deleteKeysUnder, describeRedis, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const SECRET = 'revocation-test-secret-0123456789';

const storedText = async (server: PlenaryServer, boardId: string, token: string): Promise<string> => {
  const reader = await openRaw(syncUrl(server.syncBase, boardId, token));
  try {
    await reader.handshake();
    return JSON.stringify(reader.doc.toJSON());
  } finally {
    reader.destroy();
  }
};

describeRedis('revoked and expired links, on two instances', () => {
  const prefix = uniqueKeyPrefix('revocation');
  let one: PlenaryServer;
  let two: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    const env = { REDIS_URL, KEY_PREFIX: prefix, SECRET };
    one = await startServer({ env });
    two = await startServer({ env });
    workshop = await one.createWorkshop({ title: 'Two halls', themes: ['Environment', 'Trade'] });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await deleteKeysUnder(prefix);
  });

  it('refuses the old link on the other instance at once and drops what its open socket sends', async () => {
    const board = workshop.boards[0]!.id;
    const old = workshop.tokens.delegate;
    // Instance 2 has read the workshop (its record is cached there) and holds a socket of the old link.
    expect((await two.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${old}` } })).status).toBe(200);
    const open = await openRaw(syncUrl(two.syncBase, board, old));
    await open.handshake();

    const reissue = await one.fetch(`/api/workshops/${workshop.id}/links/reissue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'delegate' })
    });
    expect(reissue.status).toBe(200);
    const { tokens } = (await reissue.json()) as { tokens: CreatedWorkshop['tokens'] };

    // Straight after the change, inside what used to be a 3 s window: refused on instance 2.
    await expect(openRaw(syncUrl(two.syncBase, board, old))).rejects.toThrow(/upgrade refused with 401/);
    // HTTP checks keep a workshop record for at most half a second.
    await waitFor(
      async () => (await two.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${old}` } })).status === 401,
      2000,
      'HTTP to refuse the old link'
    );
    // The socket opened before is closed, and what it sends now is not kept.
    open.send(frames.update(updateOf((d) => d.getMap('board').set('forged', 'after revocation'))));
    const closed = await Promise.race([open.whenClosed(), new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    expect(closed?.code).toBe(CloseCode.tokenRevoked);
    open.destroy();
    expect(await storedText(one, board, tokens.delegate)).not.toContain('after revocation');
    expect(await storedText(two, board, tokens.delegate)).not.toContain('after revocation');
  });

  it('closes a socket when its token expires, and the expired link cannot come back', async () => {
    const board = workshop.boards[1]!.id;
    // A facilitator link (generation 0, never re-issued) that lives 3 seconds.
    const shortLived = createTokenSigner(SECRET).sign(workshop.id, 'facilitator', 0, 3);
    const socket = await openRaw(syncUrl(two.syncBase, board, shortLived));
    await socket.handshake();
    const closed = await socket.whenClosed();
    expect(closed.code).toBe(CloseCode.tokenExpired);
    socket.destroy();
    await expect(openRaw(syncUrl(two.syncBase, board, shortLived))).rejects.toThrow(/upgrade refused with 401/);
  });
});
