/**
 * Consent on agreed actions: a delegate answers for the city of their personal token only (another
 * city → 403), observers and unregistered links cannot answer, a reservation or objection needs a
 * note (400 naming `note`), only actions in the agreed lane take consent (409), and a facilitator
 * may record any city's answer. Answers appear in the control document for everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerdictState, consentKey, summariseConsent, verdictFromRecords } from '@plenary/shared/control';
import { addCard, readCard, type ActionCard } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { CITIES, call, connectControl, createCityWorkshop, placeCards, register, snapshotOf } from './support.ts';

describe('consent per city on agreed actions', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  let facilitator: TestClient;
  let control: TestClient;
  let action = '';
  let proposal = '';
  let budi: string;
  let kobeToken = '';
  const kobe = () => kobeToken;
  const path = () => `/api/workshops/${workshop.id}/consent`;

  beforeAll(async () => {
    server = await startServer();
    workshop = await createCityWorkshop(server);
    board = workshop.boards[0]!.id;
    facilitator = connectClient(server.syncBase, board, workshop.tokens.facilitator);
    await facilitator.synced();
    // An action involving every city, so each may answer under the default scope.
    action = addCard(facilitator.doc, {
      kind: 'action',
      lane: 'agreed',
      lang: 'en',
      title: 'Joint tourism pass',
      createdBy: 'Pim',
      authorCity: 'Porto',
      leadCity: 'Porto',
      partnerCities: ['Surabaya', 'Kobe']
    });
    [proposal = ''] = await placeCards(facilitator, 'proposed', ['Ferry link']);
    budi = (await register(server, workshop, 'Budi', 'Surabaya')).token;
    control = await connectControl(server, workshop, workshop.tokens.observer);
  });
  afterAll(async () => {
    facilitator?.destroy();
    control?.destroy();
    await server?.close();
  });

  it('refuses answers for another city, from observers and from unregistered links; nothing is recorded', async () => {
    const other = await call<{ error: string }>(server, 'PUT', path(), budi, { boardId: board, actionId: action, answer: 'endorse', city: 'Porto' });
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('you answer for Surabaya only, not for Porto');
    expect((await call(server, 'PUT', path(), workshop.tokens.observer, { boardId: board, actionId: action, answer: 'endorse' })).status).toBe(403);
    expect((await call(server, 'PUT', path(), workshop.tokens.delegate, { boardId: board, actionId: action, answer: 'endorse' })).status).toBe(403);
    const noNote = await call<{ field: string }>(server, 'PUT', path(), budi, { boardId: board, actionId: action, answer: 'object' });
    expect([noNote.status, noNote.body.field]).toEqual([400, 'note']);
    const notAgreed = await call<{ error: string }>(server, 'PUT', path(), budi, { boardId: board, actionId: proposal, answer: 'endorse' });
    expect([notAgreed.status, notAgreed.body.error]).toEqual([409, 'only actions in the agreed lane take consent']);
    // Only now does something get recorded; the refused answers above left no trace before it.
    const ok = await call(server, 'PUT', path(), budi, { boardId: board, actionId: action, answer: 'reservation', note: 'Needs a budget line' });
    expect(ok.status).toBe(200);
    await waitFor(() => Object.keys(snapshotOf(control).consent).length > 0, 10_000, 'the answer to reach the observer');
    expect(Object.keys(snapshotOf(control).consent)).toEqual([consentKey(board, action!, 'Surabaya')]);
    expect(snapshotOf(control).consent[consentKey(board, action!, 'Surabaya')]).toMatchObject({
      answer: 'reservation',
      note: 'Needs a budget line',
      by: 'Budi'
    });
  });

  it('lets a facilitator record any city, and the tally counts an objection as not agreed', async () => {
    const needsCity = await call<{ field: string }>(server, 'PUT', path(), workshop.tokens.facilitator, {
      boardId: board,
      actionId: action,
      answer: 'endorse'
    });
    expect([needsCity.status, needsCity.body.field]).toEqual([400, 'city']);
    const unknownCity = await call<{ field: string }>(server, 'PUT', path(), workshop.tokens.facilitator, {
      boardId: board,
      actionId: action,
      answer: 'endorse',
      city: 'Atlantis'
    });
    expect([unknownCity.status, unknownCity.body.field]).toEqual([400, 'city']);
    expect(
      (await call(server, 'PUT', path(), workshop.tokens.facilitator, { boardId: board, actionId: action, answer: 'endorse', city: 'Porto' })).status
    ).toBe(200);
    await waitFor(() => Object.keys(snapshotOf(control).consent).length === 2, 10_000, "Porto's answer to arrive");
    const cities = CITIES.map((c) => c.en);
    let summary = summariseConsent(snapshotOf(control).consent, board, action!, cities);
    expect(summary).toMatchObject({ endorse: 1, reservation: 1, object: 0, missing: ['Kobe'] });
    const card = readCard(facilitator.doc, action) as ActionCard;
    const verdict = () => verdictFromRecords(card, board, snapshotOf(control).consent, 'involved', cities);
    expect(verdict()).toMatchObject({ state: VerdictState.awaiting, missing: ['Kobe'] });

    kobeToken = (await register(server, workshop, 'Aiko', 'Kobe')).token;
    expect((await call(server, 'PUT', path(), kobe(), { boardId: board, actionId: action, answer: 'object', note: 'Overlaps our own pass' })).status).toBe(200);
    await waitFor(() => Object.keys(snapshotOf(control).consent).length === 3, 10_000, "Kobe's answer to arrive");
    summary = summariseConsent(snapshotOf(control).consent, board, action!, cities);
    expect(summary).toMatchObject({ endorse: 1, reservation: 1, object: 1, missing: [] });
    expect(verdict()).toMatchObject({ state: VerdictState.objected, objections: [{ city: 'Kobe', note: 'Overlaps our own pass' }] });
  });

  it("carries every city's answer, with its reservation or reason, into the exports", async () => {
    const json = await server.fetch(`/api/boards/${board}/export.json`, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } });
    const exported = (await json.json()) as { boards: { consent?: Record<string, { city: string; answer: string; note?: string }[]> }[] };
    expect(exported.boards[0]!.consent?.[action]).toEqual([
      { city: 'Kobe', answer: 'object', note: 'Overlaps our own pass' },
      { city: 'Porto', answer: 'endorse' },
      { city: 'Surabaya', answer: 'reservation', note: 'Needs a budget line' }
    ]);
    const museum = addCard(facilitator.doc, {
      kind: 'action',
      lane: 'agreed',
      lang: 'en',
      title: 'Shared museum pass',
      createdBy: 'Pim',
      authorCity: 'Porto',
      leadCity: 'Kobe'
    });
    await waitFor(
      async () =>
        (await call(server, 'PUT', path(), kobe(), { boardId: board, actionId: museum, answer: 'reservation', note: 'Only for public museums' })).status ===
        200,
      10_000,
      'the action to reach the server'
    );
    const md = await (
      await server.fetch(`/api/workshops/${workshop.id}/export.md`, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } })
    ).text();
    for (const text of ['Shared museum pass', 'Kobe', 'Only for public museums']) expect(md).toContain(text);
  });
});
