/**
 * Whose consent an action needs (docs/FACILITATION.md, "The agreement rule"): only the cities an
 * action involves — its lead and partner cities — answer, unless a facilitator asks every city of
 * the workshop (PUT …/consent-scope). Tried the way a delegate of an uninvolved city would: the
 * raw API, with their own token and with the facilitator recording for them. An action with no
 * lead city involves nobody yet, and an idea takes no consent at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerdictState, consentKey, verdictFromRecords } from '@plenary/shared/control';
import { addCard, getCardsMap, readCard, type ActionCard } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { CITIES, call, connectControl, createCityWorkshop, register, snapshotOf } from './support.ts';

describe('consent: only the cities an action involves answer, unless every city is asked', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  let facilitator: TestClient;
  let observer: TestClient;
  let control: TestClient;
  let action = '';
  let noLead = '';
  let idea = '';
  let kobe = '';
  let surabaya = '';
  const consent = () => `/api/workshops/${workshop.id}/consent`;
  const scope = () => `/api/workshops/${workshop.id}/consent-scope`;
  const cities = ['Bordeaux', ...CITIES.map((c) => c.en)];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
    board = workshop.boards[0]!.id;
    facilitator = connectClient(server.syncBase, board, workshop.tokens.facilitator);
    observer = connectClient(server.syncBase, board, workshop.tokens.observer);
    await Promise.all([facilitator.synced(), observer.synced()]);
    const base = { kind: 'action', lane: 'agreed', lang: 'en', createdBy: 'Pim', authorCity: 'Porto' } as const;
    action = addCard(facilitator.doc, { ...base, title: 'Ferry timetable', leadCity: 'Porto', partnerCities: ['Surabaya'] });
    noLead = addCard(facilitator.doc, { ...base, title: 'Someone should lead this', partnerCities: ['Kobe'] });
    idea = addCard(facilitator.doc, { kind: 'idea', lane: 'agreed', lang: 'en', text: 'Night buses', createdBy: 'Pim', authorCity: 'Porto' });
    await waitFor(() => [action, noLead, idea].every((id) => getCardsMap(observer.doc).has(id)), 10_000, 'the cards to reach the server');
    kobe = (await register(server, workshop, 'Aiko', 'Kobe')).token;
    surabaya = (await register(server, workshop, 'Budi', 'Surabaya')).token;
    control = await connectControl(server, workshop, workshop.tokens.observer);
  });
  afterAll(async () => {
    facilitator?.destroy();
    observer?.destroy();
    control?.destroy();
    await server?.close();
  });

  it('refuses a city the action does not involve (409 naming the cities it does), from its delegate and from a facilitator', async () => {
    const own = await call<{ error: string }>(server, 'PUT', consent(), kobe, { boardId: board, actionId: action, answer: 'object', note: 'Not ours' });
    expect(own.status).toBe(409);
    expect(own.body.error).toContain('Kobe is not involved in this action (it involves Porto, Surabaya)');
    const onBehalf = await call(server, 'PUT', consent(), workshop.tokens.facilitator, { boardId: board, actionId: action, answer: 'endorse', city: 'Kobe' });
    expect(onBehalf.status).toBe(409);
    const partner = await call(server, 'PUT', consent(), surabaya, { boardId: board, actionId: action, answer: 'endorse' });
    expect(partner.status).toBe(200);
    await waitFor(() => Object.keys(snapshotOf(control).consent).length > 0, 10_000, "Surabaya's answer");
    expect(Object.keys(snapshotOf(control).consent)).toEqual([consentKey(board, action, 'Surabaya')]);
    const card = readCard(observer.doc, action) as ActionCard;
    expect(verdictFromRecords(card, board, snapshotOf(control).consent, snapshotOf(control).consentScope, cities)).toMatchObject({
      state: VerdictState.awaiting,
      asked: ['Porto', 'Surabaya'],
      endorsed: ['Surabaya'],
      missing: ['Porto']
    });
  });

  it('refuses answers on an action without a lead city and on an idea', async () => {
    const lead = await call<{ error: string }>(server, 'PUT', consent(), surabaya, { boardId: board, actionId: noLead, answer: 'endorse' });
    expect([lead.status, lead.body.error]).toEqual([409, expect.stringContaining('Surabaya is not involved')]);
    const ideaAnswer = await call<{ error: string }>(server, 'PUT', consent(), kobe, { boardId: board, actionId: idea, answer: 'endorse' });
    expect([ideaAnswer.status, ideaAnswer.body.error]).toEqual([409, 'only actions take consent: turn the idea into an action first']);
  });

  it('lets only a facilitator ask every city; then an uninvolved city answers and the rest of the workshop is awaited', async () => {
    for (const token of [kobe, workshop.tokens.delegate, workshop.tokens.observer]) {
      expect((await call(server, 'PUT', scope(), token, { scope: 'workshop' })).status).toBe(403);
    }
    const bad = await call<{ field: string }>(server, 'PUT', scope(), workshop.tokens.facilitator, { scope: 'everyone' });
    expect([bad.status, bad.body.field]).toEqual([400, 'scope']);
    expect(snapshotOf(control).consentScope).toBe('involved');

    expect((await call(server, 'PUT', scope(), workshop.tokens.facilitator, { scope: 'workshop' })).status).toBe(200);
    await waitFor(() => snapshotOf(control).consentScope === 'workshop', 10_000, 'the scope to reach the observer');
    const answer = await call(server, 'PUT', consent(), kobe, { boardId: board, actionId: action, answer: 'object', note: 'Clashes with our ferry' });
    expect(answer.status).toBe(200);
    await waitFor(() => Object.keys(snapshotOf(control).consent).length === 2, 10_000, "Kobe's answer");
    const card = readCard(observer.doc, action) as ActionCard;
    expect(verdictFromRecords(card, board, snapshotOf(control).consent, 'workshop', cities)).toMatchObject({
      state: VerdictState.objected,
      objections: [{ city: 'Kobe', note: 'Clashes with our ferry' }],
      missing: ['Bordeaux', 'Porto']
    });
    // The exports follow the scope: the objection and who has not answered.
    const md = async () =>
      (await (await server.fetch(`/api/boards/${board}/export.md`, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } })).text()).replace(
        /\\/g,
        ''
      );
    const asWorkshop = await md();
    for (const text of ['objected by Kobe', 'Kobe: Clashes with our ferry', '**Not answered:** Bordeaux, Porto', '**Status:** objected'])
      expect(asWorkshop).toContain(text);

    // Back to the involved cities: Kobe's objection is kept but no longer counts.
    expect((await call(server, 'PUT', scope(), workshop.tokens.facilitator, { scope: 'involved' })).status).toBe(200);
    await waitFor(() => snapshotOf(control).consentScope === 'involved', 10_000, 'the scope back');
    expect(verdictFromRecords(card, board, snapshotOf(control).consent, 'involved', cities).state).toBe(VerdictState.awaiting);
    const asInvolved = await md();
    expect(asInvolved).toContain('awaiting answers (1): Porto');
    expect(asInvolved).not.toContain('objected by Kobe');
  });
});
