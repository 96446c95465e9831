/**
 * Personal tokens: a delegate (or facilitator) link registers a name and a city of the workshop
 * and receives a token carrying the participant id and city, which opens the workshop like the
 * link it came from. Observers cannot register; unknown cities and bad names are refused (400).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peekClaims } from '@plenary/shared/protocol';
import { connectClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { call, createCityWorkshop } from './support.ts';

describe('registering a participant', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const path = () => `/api/workshops/${workshop.id}/participants`;
  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
  });
  afterAll(() => server?.close());

  it('gives a personal token with the participant and city, same role, that opens the workshop and its boards', async () => {
    const answer = await call<{ participantId: string; token: string }>(server, 'POST', path(), workshop.tokens.delegate, { name: 'Budi', city: 'surabaya' });
    expect(answer.status).toBe(201);
    const claims = peekClaims(answer.body.token)!;
    expect(claims).toMatchObject({ w: workshop.id, r: 'delegate', p: answer.body.participantId, c: 'Surabaya' });
    const read = await call<{ role: string }>(server, 'GET', `/api/workshops/${workshop.id}`, answer.body.token);
    expect([read.status, read.body.role]).toEqual([200, 'delegate']);
    const client = connectClient(server.syncBase, workshop.boards[0]!.id, answer.body.token);
    await client.synced();
    client.destroy();
    // The host city counts too; a facilitator may register to vote.
    const host = await call(server, 'POST', path(), workshop.tokens.facilitator, { name: 'Claire', city: 'Bordeaux' });
    expect(host.status).toBe(201);
    expect(peekClaims((host.body as { token: string }).token)).toMatchObject({ r: 'facilitator', c: 'Bordeaux' });
  });

  it('refuses observers (403), unknown cities and empty names (400 naming the field)', async () => {
    expect((await call(server, 'POST', path(), workshop.tokens.observer, { name: 'Guest', city: 'Porto' })).status).toBe(403);
    const city = await call<{ field: string }>(server, 'POST', path(), workshop.tokens.delegate, { name: 'Budi', city: 'Atlantis' });
    expect([city.status, city.body.field]).toEqual([400, 'city']);
    const name = await call<{ field: string }>(server, 'POST', path(), workshop.tokens.delegate, { name: '   ', city: 'Porto' });
    expect([name.status, name.body.field]).toEqual([400, 'name']);
    const long = await call<{ field: string }>(server, 'POST', path(), workshop.tokens.delegate, { name: 'x'.repeat(81), city: 'Porto' });
    expect([long.status, long.body.field]).toEqual([400, 'name']);
    expect((await call(server, 'POST', path(), null, { name: 'Budi', city: 'Porto' })).status).toBe(401);
  });
});
