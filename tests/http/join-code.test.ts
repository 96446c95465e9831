/**
 * GET /api/join/:code: the short code a delegate types on a phone, exchanged for the delegate
 * token — case does not matter, the hyphen is optional, an unknown code is 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';

describe('GET /api/join/:code', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Lakeside twinning', cities: [{ en: 'Kandy', country: 'LK' }] });
  });
  afterAll(() => server?.close());

  const join = async (code: string) => server.fetch(`/api/join/${encodeURIComponent(code)}`);

  it('gives the workshop and a delegate token that opens it', async () => {
    expect(workshop.joinCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    const res = await join(workshop.joinCode);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { workshopId: string; title: string; token: string; cities: unknown };
    expect(body).toMatchObject({ workshopId: workshop.id, title: 'Lakeside twinning', cities: [{ en: 'Kandy', country: 'LK' }] });
    const read = await server.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { role: string }).role).toBe('delegate');
  });

  it('accepts the code in lower case and without the hyphen', async () => {
    const plain = workshop.joinCode.replace('-', '');
    for (const typed of [workshop.joinCode.toLowerCase(), plain, plain.toLowerCase()]) {
      const res = await join(typed);
      expect(res.status, typed).toBe(200);
      expect(((await res.json()) as { workshopId: string }).workshopId).toBe(workshop.id);
    }
  });

  it('answers 404 for an unknown code', async () => {
    // Letters outside the code alphabet (O, I, L are never issued) cannot match a real code.
    const res = await join('OOO-III');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('token');
  });
});
