import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessApp, fromLoopback } from './support/app.ts';
import { closeExportServices } from '@plenary/server/exports/export-service.ts';

interface Created {
  id: string;
  boards: { id: string }[];
  tokens: { facilitator: string; delegate: string; observer: string };
}

describe('export time zone (in-process)', () => {
  const { app, close } = createInProcessApp('plenary-export-tz-');
  const request = (url: string, init: RequestInit & { token?: string } = {}) =>
    app.request(
      url,
      { ...init, headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } },
      fromLoopback
    );
  let workshop: Created;

  beforeAll(async () => {
    const res = await request('/api/workshops', { method: 'POST', body: JSON.stringify({ title: 'Closing session', themes: ['Environment', 'Trade'] }) });
    workshop = (await res.json()) as Created;
  });

  afterAll(async () => {
    await closeExportServices();
    await close();
  });

  it('refuses a name that is no IANA zone with 400 naming tz', async () => {
    for (const tz of ['Mars/Olympus', '+07:00', 'Asia/Bangkok;drop', '../../etc']) {
      const res = await request(`/api/workshops/${workshop.id}/export.md?tz=${encodeURIComponent(tz)}`, { token: workshop.tokens.observer });
      expect(res.status, tz).toBe(400);
      expect(await res.json(), tz).toMatchObject({ field: 'tz' });
    }
  });

  it('shows the moment taken in the reader’s zone and names it, for the joint plan and one board', async () => {
    const plan = await request(`/api/workshops/${workshop.id}/export.md?tz=asia/bangkok&lang=en`, { token: workshop.tokens.delegate });
    expect(plan.status).toBe(200);
    expect(await plan.text()).toMatch(/Taken at .+ \(Asia\/Bangkok\)/);
    const board = await request(`/api/boards/${workshop.boards[0]!.id}/export.json?tz=Asia/Tokyo`, { token: workshop.tokens.observer });
    expect(await board.json()).toMatchObject({ timeZone: 'Asia/Tokyo' });
  });

  it('says UTC when no zone is asked for', async () => {
    const res = await request(`/api/workshops/${workshop.id}/export.md`, { token: workshop.tokens.observer });
    expect(await res.text()).toMatch(/Taken at .+ \(UTC\)/);
  });
});
