/**
 * Dot voting: votes are held by the server only. Before the reveal neither the control document
 * nor the board document (as synced to a delegate) holds any vote or voter; each person reads only
 * their own votes; allowances and closed rounds are enforced (409); observers and role tokens
 * without a registered name cannot vote (403). The reveal writes the tallies — weighted with
 * one city, one voice — into the round and into each card's `tally` on the board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCardMap, getCardsMap } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { call, connectControl, createCityWorkshop, docText, placeCards, register, snapshotOf } from './support.ts';

interface Mine {
  votes: string[];
  left: number;
}

describe('secret dot voting', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  let facilitator: TestClient;
  let delegateBoard: TestClient;
  let delegateControl: TestClient;
  let cards: string[];
  let idea = '';
  const people: Record<string, { participantId: string; token: string }> = {};
  const base = () => `/api/workshops/${workshop.id}`;

  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
    board = workshop.boards[0]!.id;
    facilitator = connectClient(server.syncBase, board, workshop.tokens.facilitator);
    delegateBoard = connectClient(server.syncBase, board, workshop.tokens.delegate);
    await Promise.all([facilitator.synced(), delegateBoard.synced()]);
    cards = await placeCards(facilitator, 'proposed', ['Joint tourism pass', 'Ferry link', 'Student exchange', 'Food festival'], delegateBoard);
    [idea = ''] = await placeCards(facilitator, 'ideas', ['An idea, not a proposal'], delegateBoard);
    people.ana = await register(server, workshop, 'Ana', 'Porto');
    people.rui = await register(server, workshop, 'Rui', 'Porto');
    people.budi = await register(server, workshop, 'Budi', 'Surabaya');
    delegateControl = await connectControl(server, workshop, people.budi.token);
  });
  afterAll(async () => {
    for (const c of [facilitator, delegateBoard, delegateControl]) c?.destroy();
    await server?.close();
  });

  const vote = (who: string, rid: string, cardId: string) =>
    call<Mine & { error?: string; field?: string }>(server, 'POST', `${base()}/rounds/${rid}/votes`, people[who]!.token, { cardId });
  const mine = (who: string, rid: string) => call<Mine>(server, 'GET', `${base()}/rounds/${rid}/votes/mine`, people[who]!.token);
  const open = (body: Record<string, unknown>) =>
    call<{ round: { id: string; status: string }; error?: string }>(server, 'POST', `${base()}/rounds`, workshop.tokens.facilitator, body);

  it('keeps votes secret, enforces allowances and closed rounds, and reveals plain tallies', async () => {
    const [pass, ferry, exchange, festival] = cards as [string, string, string, string];
    const opened = await open({ boardId: board, lane: 'proposed', votesPerDelegate: 2 });
    expect(opened.status).toBe(201);
    const rid = opened.body.round.id;
    expect((await open({ boardId: board, lane: 'ideas', votesPerDelegate: 1 })).status).toBe(409);

    // Who may not vote.
    const roleToken = await call<{ error: string }>(server, 'POST', `${base()}/rounds/${rid}/votes`, workshop.tokens.delegate, { cardId: pass });
    expect(roleToken.status).toBe(403);
    expect(roleToken.body.error).toMatch(/confirm the city you speak for/);
    const observer = await call<{ error: string }>(server, 'POST', `${base()}/rounds/${rid}/votes`, workshop.tokens.observer, { cardId: pass });
    expect(observer.status).toBe(403);
    expect(observer.body.error).toBe('an observer may not vote');

    // Allowance: two votes, stackable on one card; the third is refused.
    expect((await vote('ana', rid, pass)).body).toEqual({ votes: [pass], left: 1 });
    expect((await vote('ana', rid, pass)).body).toEqual({ votes: [pass, pass], left: 0 });
    const third = await vote('ana', rid, ferry);
    expect(third.status).toBe(409);
    expect(third.body.error).toBe('no votes left');
    // Cards outside the lane, or unknown, are refused and cost nothing.
    expect((await vote('budi', rid, idea)).status).toBe(409);
    const unknown = await vote('budi', rid, 'no-such-card');
    expect([unknown.status, unknown.body.field]).toEqual([400, 'cardId']);
    await vote('budi', rid, ferry);
    await vote('budi', rid, exchange);
    // Taking one back frees it.
    await vote('rui', rid, pass);
    const back = await call<Mine>(server, 'DELETE', `${base()}/rounds/${rid}/votes/${pass}`, people.rui!.token);
    expect(back.body).toEqual({ votes: [], left: 2 });
    expect((await call(server, 'DELETE', `${base()}/rounds/${rid}/votes/${pass}`, people.rui!.token)).status).toBe(409);
    await vote('rui', rid, ferry);

    // Each reads only their own.
    expect((await mine('ana', rid)).body).toEqual({ votes: [pass, pass], left: 0 });
    expect((await mine('budi', rid)).body).toEqual({ votes: [ferry, exchange], left: 0 });
    expect((await mine('rui', rid)).body).toEqual({ votes: [ferry], left: 1 });

    // The documents as a delegate holds them: a voter count, and nothing else about the ballots.
    await waitFor(() => snapshotOf(delegateControl).rounds[rid]?.voters === 3, 10_000, 'the voter count to reach the delegate');
    const round = snapshotOf(delegateControl).rounds[rid]!;
    expect(round.tallies).toBeUndefined();
    const controlText = docText(delegateControl.doc);
    const boardText = docText(delegateBoard.doc);
    for (const p of Object.values(people)) {
      expect(controlText).not.toContain(p.participantId);
      expect(boardText).not.toContain(p.participantId);
    }
    for (const id of cards) expect(controlText).not.toContain(id);
    expect([...getCardsMap(delegateBoard.doc).values()].some((c) => c.has('tally'))).toBe(false);

    // Closed: no more votes, none taken back.
    expect((await call(server, 'POST', `${base()}/rounds/${rid}/close`, workshop.tokens.facilitator)).status).toBe(200);
    const late = await vote('rui', rid, festival);
    expect([late.status, late.body.error]).toEqual([409, 'round is closed']);
    expect((await call(server, 'DELETE', `${base()}/rounds/${rid}/votes/${ferry}`, people.rui!.token)).status).toBe(409);

    const revealed = await call<{ tallies: Record<string, number> }>(server, 'POST', `${base()}/rounds/${rid}/reveal`, workshop.tokens.facilitator);
    expect(revealed.status).toBe(200);
    expect(revealed.body.tallies).toEqual({ [pass]: 2, [ferry]: 2, [exchange]: 1 });
    await waitFor(() => snapshotOf(delegateControl).rounds[rid]?.status === 'revealed', 10_000, 'the reveal to reach the delegate');
    expect(snapshotOf(delegateControl).rounds[rid]!.tallies).toEqual(revealed.body.tallies);
    await waitFor(() => getCardMap(delegateBoard.doc, festival)?.get('tally') === 0, 10_000, 'the tallies to reach the board');
    expect(cards.map((id) => getCardMap(delegateBoard.doc, id)?.get('tally'))).toEqual([2, 2, 1, 0]);
    expect(getCardMap(delegateBoard.doc, idea)?.has('tally')).toBe(false);
    expect((await call(server, 'POST', `${base()}/rounds/${rid}/reveal`, workshop.tokens.facilitator)).status).toBe(409);
  });

  it('weighs votes by city with one city, one voice (two delegates of Porto, one of Surabaya)', async () => {
    const [pass, ferry, exchange] = cards as [string, string, string, string];
    const opened = await open({ boardId: board, lane: 'proposed', votesPerDelegate: 2, oneCityOneVoice: true });
    expect(opened.status).toBe(201);
    const rid = opened.body.round.id;
    for (const id of [pass, pass]) expect((await vote('ana', rid, id)).status).toBe(200);
    for (const id of [ferry, exchange]) expect((await vote('rui', rid, id)).status).toBe(200);
    for (const id of [exchange, exchange]) expect((await vote('budi', rid, id)).status).toBe(200);
    const revealed = await call<{ tallies: Record<string, number> }>(server, 'POST', `${base()}/rounds/${rid}/reveal`, workshop.tokens.facilitator);
    // Porto's four votes weigh ½ each (two voters), Surabaya's two weigh 1 each.
    expect(revealed.body.tallies).toEqual({ [pass]: 1, [ferry]: 0.5, [exchange]: 2.5 });
    await waitFor(() => getCardMap(delegateBoard.doc, exchange)?.get('tally') === 2.5, 10_000, 'the weighted tallies to reach the board');
    expect(cards.map((id) => getCardMap(delegateBoard.doc, id)?.get('tally'))).toEqual([1, 0.5, 2.5, 0]);
  });

  it('answers 404 for a round of another workshop, and 400 naming the field for bad round settings', async () => {
    const other = await createCityWorkshop(server);
    const theirs = await call<{ round: { id: string } }>(server, 'POST', `/api/workshops/${other.id}/rounds`, other.tokens.facilitator, {
      boardId: other.boards[0]!.id,
      lane: 'ideas',
      votesPerDelegate: 1
    });
    expect((await mine('ana', theirs.body.round.id)).status).toBe(404);
    const tooMany = await open({ boardId: workshop.boards[1]!.id, lane: 'ideas', votesPerDelegate: 21 });
    expect([tooMany.status, (tooMany.body as { field?: string }).field]).toEqual([400, 'votesPerDelegate']);
    const foreignBoard = await open({ boardId: other.boards[0]!.id, lane: 'ideas', votesPerDelegate: 1 });
    expect([foreignBoard.status, (foreignBoard.body as { field?: string }).field]).toEqual([400, 'boardId']);
    const badLane = await open({ boardId: workshop.boards[1]!.id, lane: 'everywhere', votesPerDelegate: 1 });
    expect([badLane.status, (badLane.body as { field?: string }).field]).toEqual([400, 'lane']);
  });
});
