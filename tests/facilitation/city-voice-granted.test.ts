/**
 * A city's voice is granted by a facilitator, never claimed (docs/FACILITATION.md, "Identity and
 * confirmation"). Tried the way someone holding the shared delegate link would: raw HTTP.
 *   - 1,000 scripted registrations give no vote at all (they wait in the lobby, capped at 429);
 *   - a seat link opened on a second device, or registered again, is the same participant: the
 *     allowance is not doubled;
 *   - consent for a city nobody confirmed is refused and nothing is recorded;
 *   - a removed participant's token votes no more, and their votes and consent left with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentKey } from '@plenary/shared/control';
import { addCard } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { call, connectControl, createCityWorkshop, createSeat, placeCards, register, snapshotOf } from './support.ts';

interface Mine {
  votes: string[];
  left: number;
  error?: string;
}
interface View {
  id: string;
  name: string;
  city: string;
  status: string;
  via: string;
  decidedBy?: string;
  withdrawn?: { votes: number; consent: number };
  seatToken?: string;
}

/** Runs `task(i)` for i < n, `width` at a time (a script hammering the API, bounded). */
const inBatches = async <T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> => {
  const results: T[] = [];
  for (let start = 0; start < n; start += width) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(width, n - start) }, (_, k) => task(start + k)))));
  }
  return results;
};

describe('a city voice is granted by a facilitator, never claimed', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  let facilitator: TestClient;
  let control: TestClient;
  let cards: string[];
  const base = () => `/api/workshops/${workshop.id}`;
  const open = async (votesPerDelegate: number, oneCityOneVoice = false) => {
    const opened = await call<{ round: { id: string } }>(server, 'POST', `${base()}/rounds`, workshop.tokens.facilitator, {
      boardId: board,
      lane: 'proposed',
      votesPerDelegate,
      oneCityOneVoice
    });
    expect(opened.status).toBe(201);
    return opened.body.round.id;
  };
  const finish = async (rid: string) => {
    expect((await call(server, 'POST', `${base()}/rounds/${rid}/close`, workshop.tokens.facilitator)).status).toBe(200);
    const revealed = await call<{ tallies: Record<string, number> }>(server, 'POST', `${base()}/rounds/${rid}/reveal`, workshop.tokens.facilitator);
    expect(revealed.status).toBe(200);
    return revealed.body.tallies;
  };
  const vote = (token: string, rid: string, cardId: string) => call<Mine>(server, 'POST', `${base()}/rounds/${rid}/votes`, token, { cardId });
  const people = async () => (await call<{ participants: View[] }>(server, 'GET', `${base()}/participants`, workshop.tokens.facilitator)).body.participants;

  beforeAll(async () => {
    // The per-address request limit is not what is tested here: the caps of the workshop are.
    server = await startServer({ env: { REGISTER_PER_MINUTE: '100000' } });
    workshop = await createCityWorkshop(server);
    board = workshop.boards[0]!.id;
    facilitator = connectClient(server.syncBase, board, workshop.tokens.facilitator);
    await facilitator.synced();
    control = await connectControl(server, workshop, workshop.tokens.observer);
    cards = await placeCards(facilitator, 'proposed', ['Joint tourism pass', 'Ferry link', 'Student exchange']);
  });
  afterAll(async () => {
    facilitator?.destroy();
    control?.destroy();
    await server?.close();
  });

  it('gives 1,000 scripted registrations through the shared link no vote: they wait, and past 100 waiting the lobby answers 429', async () => {
    const rid = await open(2);
    const answers = await inBatches(1000, 25, (i) =>
      call<{ token?: string; participant?: View; error?: string }>(server, 'POST', `${base()}/participants`, workshop.tokens.delegate, {
        name: `Bot ${i}`,
        city: 'Kobe'
      })
    );
    const accepted = answers.filter((a) => a.status === 201);
    expect(accepted).toHaveLength(100);
    expect(accepted.every((a) => a.body.participant?.status === 'pending')).toBe(true);
    const refused = answers.filter((a) => a.status !== 201);
    expect(new Set(refused.map((a) => a.status))).toEqual(new Set([429]));
    expect(refused[0]!.body.error).toContain('waiting for a facilitator to confirm');
    const votes = await inBatches(accepted.length, 25, (i) => vote(accepted[i]!.body.token!, rid, cards[0]!));
    expect(new Set(votes.map((v) => v.status))).toEqual(new Set([403]));
    expect(votes[0]!.body.error).toContain('a facilitator has not confirmed that you speak for Kobe');
    expect(await finish(rid)).toEqual({});
    // The facilitator sees every request, and turning them down frees the lobby.
    const waiting = (await people()).filter((p) => p.status === 'pending');
    expect(waiting).toHaveLength(100);
    for (const p of waiting) expect((await call(server, 'POST', `${base()}/participants/${p.id}/reject`, workshop.tokens.facilitator)).status).toBe(200);
    const again = await call(server, 'POST', `${base()}/participants`, workshop.tokens.delegate, { name: 'Aiko', city: 'Kobe' });
    expect(again.status).toBe(201);
  });

  it('makes a seat link on a second device, or registered again, the same participant: one ballot, allowance not doubled', async () => {
    const seat = await createSeat(server, workshop, 'Porto', 'Ana');
    const rid = await open(2);
    // Two devices, one link: each votes once…
    expect((await vote(seat.token, rid, cards[0]!)).status).toBe(200);
    expect((await vote(seat.token, rid, cards[1]!)).body).toMatchObject({ left: 0 });
    // …and registering again through the seat link names the same person, with no new allowance.
    const again = await call<{ participantId: string; token: string }>(server, 'POST', `${base()}/participants`, seat.token, {
      name: 'Ana Sousa',
      city: 'Porto'
    });
    expect([again.status, again.body.participantId]).toEqual([200, seat.participantId]);
    const third = await vote(again.body.token, rid, cards[2]!);
    expect([third.status, third.body.error]).toEqual([409, 'no votes left']);
    const mine = await call<Mine>(server, 'GET', `${base()}/rounds/${rid}/votes/mine`, seat.token);
    expect(mine.body).toEqual({ votes: [cards[0], cards[1]], left: 0 });
    await waitFor(() => snapshotOf(control).rounds[rid]?.voters === 1, 10_000, 'one voter');
    // The seat cannot be moved to another city by its holder.
    const moved = await call<{ field: string }>(server, 'POST', `${base()}/participants`, seat.token, { name: 'Ana', city: 'Kobe' });
    expect([moved.status, moved.body.field]).toEqual([409, 'city']);
    expect(await finish(rid)).toEqual({ [cards[0]!]: 1, [cards[1]!]: 1 });
    const listed = (await people()).find((p) => p.id === seat.participantId)!;
    expect(listed).toMatchObject({ name: 'Ana Sousa', city: 'Porto', status: 'confirmed', via: 'seat', decidedBy: 'facilitator' });
    expect(listed.seatToken).toBeTruthy();
  });

  it('counts one city as one voice however many confirmed delegates it has', async () => {
    const ines = await register(server, workshop, 'Inês', 'Porto');
    const kobe = await createSeat(server, workshop, 'Kobe');
    const rid = await open(1, true);
    const ana = (await people()).find((p) => p.name === 'Ana Sousa')!;
    for (const token of [ana.seatToken!, ines.token]) expect((await vote(token, rid, cards[0]!)).status).toBe(200);
    expect((await vote(kobe.token, rid, cards[1]!)).status).toBe(200);
    expect(await finish(rid)).toEqual({ [cards[0]!]: 1, [cards[1]!]: 1 });
  });

  it('refuses consent for a city nobody confirmed (403 naming why), and records nothing', async () => {
    const action = addCard(facilitator.doc, {
      kind: 'action',
      lane: 'agreed',
      lang: 'en',
      createdBy: 'Pim',
      authorCity: 'Porto',
      title: 'Ferry',
      leadCity: 'Surabaya'
    });
    const claimant = await register(server, workshop, 'Mallory', 'Surabaya', workshop.tokens.delegate, { confirm: false });
    const answer = await call<{ error: string }>(server, 'PUT', `${base()}/consent`, claimant.token, {
      boardId: board,
      actionId: action,
      answer: 'object',
      note: 'No'
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toContain('a facilitator has not confirmed that you speak for Surabaya');
    const shared = await call(server, 'PUT', `${base()}/consent`, workshop.tokens.delegate, { boardId: board, actionId: action, answer: 'object', note: 'No' });
    expect(shared.status).toBe(403);
    expect(snapshotOf(control).consent[consentKey(board, action, 'Surabaya')]).toBeUndefined();
  });

  it('takes a removed participant’s voice away: their token votes no more, their votes and consent leave, visibly', async () => {
    const action = addCard(facilitator.doc, {
      kind: 'action',
      lane: 'agreed',
      lang: 'en',
      createdBy: 'Pim',
      authorCity: 'Porto',
      title: 'Night buses',
      leadCity: 'Surabaya'
    });
    const budi = await register(server, workshop, 'Budi', 'Surabaya');
    const rid = await open(2);
    await waitFor(
      async () =>
        (await call(server, 'PUT', `${base()}/consent`, budi.token, { boardId: board, actionId: action, answer: 'object', note: 'Not now' })).status === 200,
      10_000,
      'the action to reach the server and the objection to be recorded'
    );
    expect((await vote(budi.token, rid, cards[2]!)).status).toBe(200);
    expect((await vote(budi.token, rid, cards[2]!)).status).toBe(200);
    await waitFor(
      () => snapshotOf(control).rounds[rid]?.voters === 1 && snapshotOf(control).consent[consentKey(board, action, 'Surabaya')],
      10_000,
      'the vote and the objection'
    );

    const removed = await call<{ participant: View }>(server, 'DELETE', `${base()}/participants/${budi.participantId}`, workshop.tokens.facilitator);
    expect(removed.status).toBe(200);
    expect(removed.body.participant).toMatchObject({ status: 'removed', decidedBy: 'facilitator', withdrawn: { votes: 2, consent: 1 } });
    await waitFor(() => snapshotOf(control).rounds[rid]?.voters === 0, 10_000, 'the voter count to drop');
    expect(snapshotOf(control).consent[consentKey(board, action, 'Surabaya')]).toBeUndefined();

    const refused = await vote(budi.token, rid, cards[2]!);
    expect([refused.status, refused.body.error]).toEqual([403, 'you may not vote: a facilitator removed you from this workshop']);
    const back = await call(server, 'POST', `${base()}/participants`, budi.token, { name: 'Budi', city: 'Surabaya' });
    expect(back.status).toBe(403);
    expect(await finish(rid)).toEqual({});
    expect((await call(server, 'DELETE', `${base()}/participants/${budi.participantId}`, workshop.tokens.delegate)).status).toBe(403);
  });

  it('lets only a facilitator list, seat, confirm, reject and remove', async () => {
    const pending = await register(server, workshop, 'Eve', 'Porto', workshop.tokens.delegate, { confirm: false });
    for (const token of [workshop.tokens.delegate, workshop.tokens.observer, pending.token]) {
      expect((await call(server, 'GET', `${base()}/participants`, token)).status).toBe(403);
      expect((await call(server, 'POST', `${base()}/seats`, token, { city: 'Porto' })).status).toBe(403);
      expect((await call(server, 'POST', `${base()}/participants/${pending.participantId}/confirm`, token)).status).toBe(403);
    }
    const me = await call<{ participant: View }>(server, 'GET', `${base()}/participants/me`, pending.token);
    expect(me.body.participant).toMatchObject({ name: 'Eve', city: 'Porto', status: 'pending', via: 'lobby' });
    expect((await call(server, 'POST', `${base()}/participants/nosuchperson/confirm`, workshop.tokens.facilitator)).status).toBe(404);
  });
});

describe('participant caps', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const base = () => `/api/workshops/${workshop.id}`;
  const join = (name: string) =>
    call<{ error: string; participantId: string }>(server, 'POST', `${base()}/participants`, workshop.tokens.delegate, { name, city: 'Porto' });

  beforeAll(async () => {
    server = await startServer({ env: { PARTICIPANTS_MAX: '4', LOBBY_PENDING_MAX: '2', PARTICIPANTS_PER_LINK_MAX: '3', REGISTER_PER_MINUTE: '100000' } });
    workshop = await createCityWorkshop(server);
  });
  afterAll(() => server?.close());

  it('answers 429 past the waiting requests and per link, 409 past the workshop total, each with a clear error', async () => {
    const [a, b] = [await join('A'), await join('B')];
    expect([a.status, b.status]).toEqual([201, 201]);
    const waiting = await join('C');
    expect([waiting.status, waiting.body.error]).toEqual([429, expect.stringContaining('2 people are already waiting')]);
    for (const p of [a, b]) await call(server, 'POST', `${base()}/participants/${p.body.participantId}/confirm`, workshop.tokens.facilitator);
    expect((await join('D')).status).toBe(201);
    const link = await join('E');
    expect([link.status, link.body.error]).toEqual([429, expect.stringContaining('this link has been used for 3 registrations')]);
    expect((await createSeat(server, workshop, 'Kobe')).token).toBeTruthy();
    const full = await call<{ error: string }>(server, 'POST', `${base()}/seats`, workshop.tokens.facilitator, { city: 'Kobe' });
    expect([full.status, full.body.error]).toEqual([409, expect.stringContaining('already has 4 participants')]);
  });
});
