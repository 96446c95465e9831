/**
 * Re-issuing a role's links: the old token (and personal tokens made from it) then gets 401 on
 * HTTP, connections open with it are closed with 4403 (tokenRevoked), and the new links work.
 * Other roles' links are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@plenary/shared/protocol';
import { connectClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { call, createCityWorkshop, register } from './support.ts';

describe('re-issued links cut off the old ones', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
  });
  afterAll(() => server?.close());

  it('answers 401 to the old delegate tokens and closes their connections with 4403', async () => {
    const board = workshop.boards[0]!.id;
    const personal = (await register(server, workshop, 'Budi', 'Surabaya')).token;
    const oldLink = connectClient(server.syncBase, board, workshop.tokens.delegate);
    const oldPersonal = connectClient(server.syncBase, board, personal);
    const observer = connectClient(server.syncBase, board, workshop.tokens.observer);
    try {
      await Promise.all([oldLink.synced(), oldPersonal.synced(), observer.synced()]);
      const answer = await call<{ tokens: Record<string, string>; joinCode: string }>(
        server,
        'POST',
        `/api/workshops/${workshop.id}/links/reissue`,
        workshop.tokens.facilitator,
        { role: 'delegate' }
      );
      expect(answer.status).toBe(200);
      const { tokens } = answer.body;
      expect(tokens.delegate).not.toBe(workshop.tokens.delegate);

      await waitFor(() => oldLink.closes.some((c) => c.code === CloseCode.tokenRevoked), 10_000, 'the old link to be closed with 4403');
      await waitFor(() => oldPersonal.closes.some((c) => c.code === CloseCode.tokenRevoked), 10_000, 'the personal token to be closed with 4403');
      for (const token of [workshop.tokens.delegate, personal]) {
        expect((await call(server, 'GET', `/api/workshops/${workshop.id}`, token)).status).toBe(401);
        expect((await call(server, 'POST', `/api/workshops/${workshop.id}/participants`, token, { name: 'Again', city: 'Kobe' })).status).toBe(401);
      }
      expect((await call(server, 'GET', `/api/workshops/${workshop.id}`, tokens.delegate!)).status).toBe(200);
      // Other roles keep working, their connections stay open.
      expect(observer.closes).toEqual([]);
      expect((await call(server, 'GET', `/api/workshops/${workshop.id}`, workshop.tokens.observer)).status).toBe(200);
      expect((await call(server, 'GET', `/api/workshops/${workshop.id}`, tokens.observer!)).status).toBe(200);
      // The join code handed out the old delegate links: it is retired, the new one works.
      expect(answer.body.joinCode).not.toBe(workshop.joinCode);
      expect((await call(server, 'GET', `/api/join/${workshop.joinCode}`, null)).status).toBe(404);
      const joined = await call<{ token: string }>(server, 'GET', `/api/join/${answer.body.joinCode}`, null);
      expect(joined.status).toBe(200);
      expect((await call(server, 'GET', `/api/workshops/${workshop.id}`, joined.body.token)).status).toBe(200);
      const fresh = connectClient(server.syncBase, board, tokens.delegate!);
      await fresh.synced();
      fresh.destroy();
    } finally {
      for (const c of [oldLink, oldPersonal, observer]) c.destroy();
    }
  });

  it('refuses a role that does not exist (400 naming role)', async () => {
    const answer = await call<{ field: string }>(server, 'POST', `/api/workshops/${workshop.id}/links/reissue`, workshop.tokens.facilitator, { role: 'admin' });
    expect([answer.status, answer.body.field]).toEqual([400, 'role']);
  });
});
