import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessApp, fromLoopback } from './support/app.ts';
import { CloseCode, DenyReason } from '@plenary/shared/protocol';
import { getMetaMap } from '@plenary/shared/schema';
import type { ConnectionIdentity } from '@plenary/server/sync/policy.ts';
import { waitFor } from '../utils/wait.ts';
import { InProcessClient } from './support/in-process.ts';

interface Created {
  id: string;
  boards: { id: string }[];
  tokens: { facilitator: string; delegate: string; observer: string };
}

describe('routes and workshop rules (in-process)', () => {
  const { services, app, close } = createInProcessApp('plenary-routes-');
  const request = (url: string, init: RequestInit & { token?: string } = {}) =>
    app.request(
      url,
      {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.headers as Record<string, string>)
        }
      },
      fromLoopback
    );
  const identityOf = async (boardId: string, token: string): Promise<ConnectionIdentity> => {
    const admission = await services.rooms.policy.authenticate({
      boardId,
      authorization: undefined,
      url: new URL(`http://localhost/sync/${boardId}?token=${token}`)
    });
    if (!admission.ok) throw new Error(`refused: ${admission.status} ${admission.reason}`);
    return admission.identity;
  };
  let workshop: Created;

  beforeAll(async () => {
    const res = await request('/api/workshops', { method: 'POST', body: JSON.stringify({ title: 'Sister cities 2018', themes: ['Environment', 'Trade'] }) });
    expect(res.status).toBe(201);
    workshop = (await res.json()) as Created;
  });

  afterAll(async () => {
    await close();
  });

  it('answers a bad body with 400 naming the field, and reads the workshop with a token only', async () => {
    const bad = await request('/api/workshops', { method: 'POST', body: JSON.stringify({ title: '' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'title' });
    expect((await request(`/api/workshops/${workshop.id}`)).status).toBe(401);
    const read = await request(`/api/workshops/${workshop.id}`, { token: workshop.tokens.delegate });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: workshop.id, role: 'delegate' });
  });

  it("refuses a delegate's lock; a facilitator's lock refuses delegates' edits and not the facilitator's", async () => {
    const board = workshop.boards[0]!.id;
    const lockBody = JSON.stringify({ locked: true });
    expect((await request(`/api/workshops/${workshop.id}/locks/${board}`, { method: 'PUT', body: lockBody, token: workshop.tokens.delegate })).status).toBe(
      403
    );
    const delegate = new InProcessClient(services, { boardId: board, ...(await identityOf(board, workshop.tokens.delegate)) });
    const facilitator = new InProcessClient(services, { boardId: board, ...(await identityOf(board, workshop.tokens.facilitator)) });
    await delegate.connect(services);
    await facilitator.connect(services);
    expect((await request(`/api/workshops/${workshop.id}/locks/${board}`, { method: 'PUT', body: lockBody, token: workshop.tokens.facilitator })).status).toBe(
      200
    );
    await waitFor(() => getMetaMap(delegate.doc).get('locked') === true, 5000, 'the lock mirrored on the board');
    delegate.doc.getText('scratch').insert(0, 'typed after the lock');
    facilitator.doc.getText('notes').insert(0, 'closing remarks');
    await waitFor(() => delegate.denied.includes(DenyReason.locked), 5000, 'the refusal');
    await waitFor(() => delegate.doc.getText('notes').toString() === 'closing remarks', 5000, "the facilitator's edit reaches the delegate");
    expect(services.rooms.get(board)!.doc.getText('scratch').toString()).toBe('');
    // Locking saved a version of the board (automatic versions start in one place).
    expect((await services.versions.list(board)).some((v) => v.auto === 'lock')).toBe(true);
    delegate.close();
    facilitator.close();
  });

  it('cuts off open connections of re-issued links and refuses the old link at once', async () => {
    const board = workshop.boards[1]!.id;
    const oldToken = workshop.tokens.delegate;
    const open = new InProcessClient(services, { boardId: board, ...(await identityOf(board, oldToken)) });
    await open.connect(services);
    await waitFor(() => open.synced, 5000, 'synced');
    const res = await request(`/api/workshops/${workshop.id}/links/reissue`, {
      method: 'POST',
      body: JSON.stringify({ role: 'delegate' }),
      token: workshop.tokens.facilitator
    });
    expect(res.status).toBe(200);
    await waitFor(() => open.closedWith !== null, 2000, 'the open connection closed');
    expect(open.closedWith).toBe(CloseCode.tokenRevoked);
    await expect(identityOf(board, oldToken)).rejects.toThrow(/refused: 401/);
    const { tokens } = (await res.json()) as { tokens: Created['tokens'] };
    expect((await identityOf(board, tokens.delegate)).role).toBe('delegate');
  });
});
