/**
 * GET /api/workshops/:id opens only with a token of that workshop, given as a Bearer header or
 * as ?token=. Missing, forged, or a valid token of another workshop: all 401, answered alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';

/** The token with its signature's last character changed. */
const forge = (token: string): string => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

describe('GET /api/workshops/:id', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let other: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Harbour towns', themes: ['Ports', 'Fisheries'] });
    other = await server.createWorkshop({ title: 'Mountain towns' });
  });
  afterAll(() => server?.close());

  it('answers 200 with title and boards for a Bearer token of the workshop, for every role', async () => {
    for (const [role, token] of Object.entries(workshop.tokens)) {
      const res = await server.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, role).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ id: workshop.id, title: 'Harbour towns', boards: workshop.boards, role, joinCode: workshop.joinCode });
      // Only facilitators see the links of every role.
      expect('tokens' in body, role).toBe(role === 'facilitator');
    }
  });

  it('answers 200 for the token given as ?token=', async () => {
    const res = await server.fetch(`/api/workshops/${workshop.id}?token=${encodeURIComponent(workshop.tokens.delegate)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { boards: unknown }).boards).toEqual(workshop.boards);
  });

  it('answers 401 without a token, and reveals nothing', async () => {
    const res = await server.fetch(`/api/workshops/${workshop.id}`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('Harbour towns');
  });

  it('refuses a forged token with 401 or 403', async () => {
    const viaHeader = await server.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${forge(workshop.tokens.facilitator)}` } });
    expect([401, 403]).toContain(viaHeader.status);
    const viaQuery = await server.fetch(`/api/workshops/${workshop.id}?token=${encodeURIComponent(forge(workshop.tokens.delegate))}`);
    expect([401, 403]).toContain(viaQuery.status);
    expect(await viaQuery.text()).not.toContain('Harbour towns');
    const garbage = await server.fetch(`/api/workshops/${workshop.id}?token=not-a-token`);
    expect([401, 403]).toContain(garbage.status);
  });

  it("answers 401 for another workshop's valid token", async () => {
    const res = await server.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${other.tokens.facilitator}` } });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('Harbour towns');
  });
});
